package cn.shishi.contract;

/** The events of {@code task-reports}, named by the {@link EventHeaders#TYPE} header. */
public final class EventTypes {
  /** An office filed a report: {@link ReportFiled}. */
  public static final String REPORT_FILED = "report-filed";

  /**
   * An office asked for one of its reports to be taken out of every total: {@link ReportWithdrawn}.
   */
  public static final String REPORT_WITHDRAWN = "report-withdrawn";

  /** The schema version both events carry; a reader refuses any other. */
  public static final int SCHEMA_VERSION = 1;

  private EventTypes() {}
}
