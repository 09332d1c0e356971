package cn.shishi.bench;

import picocli.CommandLine.Option;

/** {@code --ingest} and {@code --aggregator}: where the two services listen. */
final class ServiceAddresses {
  @Option(names = "--ingest", defaultValue = "http://127.0.0.1:8080")
  private String ingest;

  @Option(names = "--aggregator", defaultValue = "http://127.0.0.1:8081")
  private String aggregator;

  Api connect() {
    return new Api(ingest, aggregator, 4);
  }
}
