package cn.shishi.console.i18n;

/** A report's status as the aggregator names it, in words for people. */
public final class Statuses {
  private Statuses() {}

  public static String text(String status, ConsoleMessages messages) {
    return switch (status) {
      case "counted" -> messages.status_counted();
      case "withdrawn" -> messages.status_withdrawn();
      case "rejected", "dead-lettered", "dead_lettered" -> messages.status_dead_lettered();
      case "duplicate" -> messages.status_duplicate();
      default -> messages.status_accepted();
    };
  }
}
