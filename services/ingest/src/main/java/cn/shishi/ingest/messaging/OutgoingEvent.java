package cn.shishi.ingest.messaging;

import cn.shishi.contract.EventTypes;
import cn.shishi.contract.ReportFiled;
import cn.shishi.contract.ReportWithdrawn;
import cn.shishi.contract.partition.PartitionKeys;

/**
 * An event ready for {@code task-reports}: its key (the filing office's city, docs/adr/0012), type
 * header and body.
 */
public record OutgoingEvent(String key, String type, Object body) {

  /** A report filed by an office of {@code officeRegion}. */
  public static OutgoingEvent filed(ReportFiled event, String officeRegion) {
    return new OutgoingEvent(PartitionKeys.ofOffice(officeRegion), EventTypes.REPORT_FILED, event);
  }

  public static OutgoingEvent of(ReportWithdrawn event) {
    return new OutgoingEvent(event.partitionKey(), EventTypes.REPORT_WITHDRAWN, event);
  }
}
