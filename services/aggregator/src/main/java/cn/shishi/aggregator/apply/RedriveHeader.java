package cn.shishi.aggregator.apply;

import cn.shishi.contract.EventHeaders;
import java.nio.charset.StandardCharsets;

/** Reads which dead letter a record was re-driven from, when it says so. */
final class RedriveHeader {
  private RedriveHeader() {}

  /** The dead letter's id, or null when the record carries no such header or not a number. */
  static Long of(RecordCopy record) {
    Long from = null;
    for (RecordCopy.Header header : record.headers()) {
      if (EventHeaders.REDRIVE_OF.equals(header.name()) && header.value() != null) {
        try {
          from = Long.valueOf(new String(header.value(), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
          from = null;
        }
      }
    }
    return from;
  }
}
