package cn.shishi.bench;

import picocli.CommandLine.Option;

/** {@code --ingest} and {@code --aggregator}: where the two services listen. */
final class ServiceAddresses {
  @Option(names = "--ingest", defaultValue = "http://127.0.0.1:8080")
  private String ingest;

  @Option(names = "--aggregator", defaultValue = "http://127.0.0.1:8081")
  private String aggregator;

  // B9: the generator warms itself on --ingest, then measures a freshly started ingest here.
  @Option(names = "--measure-ingest")
  private String measureIngest;

  // The load moves to --measure-ingest once this, its readiness check, answers 200.
  @Option(names = "--measure-when-ready")
  private String measureWhenReady;

  /** Whether posts move to another ingest after the warm-up (B9). */
  boolean measuresAnotherIngest() {
    return measureIngest != null;
  }

  /** Whether the measured ingest's readiness decides when the load moves to it. */
  boolean measuresWhenReady() {
    return measureIngest != null && measureWhenReady != null;
  }

  Api connect() {
    Api api = new Api(ingest, aggregator, 4);
    if (measureIngest != null) {
      api.measureIngest(measureIngest);
    }
    if (measureWhenReady != null) {
      api.measureWhenReady(measureWhenReady);
    }
    return api;
  }
}
