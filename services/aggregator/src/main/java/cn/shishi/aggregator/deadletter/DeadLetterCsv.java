package cn.shishi.aggregator.deadletter;

import cn.shishi.web.Csv;
import java.util.Arrays;
import java.util.List;

/** Dead letters as CSV, one a line, without their records: for a terminal or a spreadsheet. */
final class DeadLetterCsv {
  private DeadLetterCsv() {}

  static String of(List<StoredDeadLetter> letters) {
    Csv csv =
        new Csv()
            .line(
                List.of(
                    "id",
                    "state",
                    "reason",
                    "detail",
                    "reportId",
                    "partition",
                    "offset",
                    "firstSeen",
                    "published",
                    "resolvedBy",
                    "resolution"));
    for (StoredDeadLetter letter : letters) {
      csv.line(
          Arrays.asList(
              letter.id(),
              letter.state().name().toLowerCase(),
              letter.reason(),
              letter.detail(),
              letter.reportId(),
              letter.partition(),
              letter.offset(),
              letter.firstSeen(),
              letter.publishedAt() == null ? "no" : "yes",
              letter.resolvedBy(),
              letter.resolution()));
    }
    return csv.toString();
  }
}
