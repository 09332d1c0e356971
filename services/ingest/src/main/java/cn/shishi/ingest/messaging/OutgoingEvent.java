package cn.shishi.ingest.messaging;

import cn.shishi.contract.EventTypes;
import cn.shishi.contract.ReportFiled;
import cn.shishi.contract.ReportWithdrawn;

/** An event ready for {@code task-reports}: its key (the province), type header and body. */
public record OutgoingEvent(String key, String type, Object body) {

  public static OutgoingEvent of(ReportFiled event) {
    return new OutgoingEvent(event.partitionKey(), EventTypes.REPORT_FILED, event);
  }

  public static OutgoingEvent of(ReportWithdrawn event) {
    return new OutgoingEvent(event.partitionKey(), EventTypes.REPORT_WITHDRAWN, event);
  }
}
