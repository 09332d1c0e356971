package cn.shishi.console.downstream;

/** The ingest or the aggregator could not be reached or was overloaded; the page says so. */
public class ServiceUnavailableException extends RuntimeException {
  public ServiceUnavailableException() {
    super("a service behind the console is unavailable", null, false, false);
  }
}
