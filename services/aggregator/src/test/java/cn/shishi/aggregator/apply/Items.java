package cn.shishi.aggregator.apply;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test fixture: batch items at chosen positions, without Kafka. */
final class Items {
  private Items() {}

  static FiledReport report(int partition, long offset) {
    return report(partition, offset, "2021-05-14T10:30:00+08:00");
  }

  /** A report completed at {@code completedAt}, at a chosen position. */
  static FiledReport report(int partition, long offset, String completedAt) {
    return report(partition, offset, completedAt, 1);
  }

  /** A report of {@code quantity} completed at {@code completedAt}, at a chosen position. */
  static FiledReport report(int partition, long offset, String completedAt, int quantity) {
    return new FiledReport(
        UUID.randomUUID(),
        "jx-office-1",
        "330402",
        "warm-nest",
        "household-helped",
        quantity,
        2,
        OffsetDateTime.parse(completedAt),
        null,
        Instant.parse("2021-05-14T02:31:07Z"),
        new RecordPosition(partition, offset),
        new byte[0],
        "clerk-1");
  }

  /** Reports at {@code from} to {@code to} (exclusive) of one partition. */
  static List<BatchItem> reports(int partition, long from, long to) {
    List<BatchItem> items = new ArrayList<>();
    for (long offset = from; offset < to; offset++) {
      items.add(report(partition, offset));
    }
    return items;
  }

  static RecordCopy copy(RecordPosition position) {
    return new RecordCopy(
        "task-reports",
        position.partition(),
        position.offset(),
        "33".getBytes(),
        "{}".getBytes(),
        List.of(),
        1L);
  }
}
