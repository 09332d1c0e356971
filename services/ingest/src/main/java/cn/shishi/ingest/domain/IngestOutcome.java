package cn.shishi.ingest.domain;

/** What became of reports offered to the ingest; the label of {@code shishi.ingest.reports}. */
public enum IngestOutcome {
  ACCEPTED("accepted"),
  REJECTED("rejected"),
  RATE_LIMITED("rate-limited"),
  UNAVAILABLE("unavailable");

  private final String label;

  IngestOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
