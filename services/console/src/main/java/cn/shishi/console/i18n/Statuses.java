package cn.shishi.console.i18n;

/** A report's status as the aggregator names it, in words for people. */
public final class Statuses {
  private Statuses() {}

  public static String text(String status, ConsoleMessages messages) {
    return switch (status) {
      case "counted" -> messages.status_counted();
      case "withdrawn" -> messages.status_withdrawn();
      case "rejected" -> messages.status_dead_lettered();
      default -> messages.status_accepted();
    };
  }
}
