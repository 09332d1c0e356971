package cn.shishi.ingest.messaging;

/** An event ready for {@code task-reports}: its key (the province), type header and body. */
public record OutgoingEvent(String key, String type, Object body) {

  public static OutgoingEvent of(ReportFiledEvent event) {
    return new OutgoingEvent(event.regionCode().substring(0, 2), ReportFiledEvent.TYPE, event);
  }

  public static OutgoingEvent of(ReportWithdrawnEvent event) {
    return new OutgoingEvent(
        event.officeRegion().substring(0, 2), ReportWithdrawnEvent.TYPE, event);
  }
}
