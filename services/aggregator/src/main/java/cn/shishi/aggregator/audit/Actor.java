package cn.shishi.aggregator.audit;

/** Who does a privileged action, and from where (the client's address, as the service saw it). */
public record Actor(String name, String source) {
  /** An action the service takes on someone's behalf without a request (a consumed event). */
  public static Actor of(String name) {
    return new Actor(name, null);
  }
}
