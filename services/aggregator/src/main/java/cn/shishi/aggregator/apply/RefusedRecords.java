package cn.shishi.aggregator.apply;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Dead letters for records the database refused. */
final class RefusedRecords {
  private RefusedRecords() {}

  /** {@code item} set aside, with why and the record it was read from. */
  static DeadLetter deadLetter(
      BatchItem item, String why, Function<RecordPosition, RecordCopy> copies) {
    if (item instanceof DeadLetter letter) {
      return withoutRecord(letter, why);
    }
    return new DeadLetter(
        item.position(),
        DeadLetter.REFUSED_BY_DATABASE,
        why,
        reportId(item),
        copies.apply(item.position()));
  }

  /** The letter with the record's bytes and headers dropped: the last resort. */
  static DeadLetter withoutRecord(DeadLetter letter, String why) {
    RecordCopy record = letter.record();
    return new DeadLetter(
        letter.position(),
        DeadLetter.REFUSED_BY_DATABASE,
        "the record could not be stored whole: " + why,
        letter.reportId(),
        new RecordCopy(
            record.topic(), record.partition(), record.offset(), null, null, List.of(), null));
  }

  private static UUID reportId(BatchItem item) {
    if (item instanceof FiledReport report) {
      return report.reportId();
    }
    return item instanceof Withdrawal withdrawal ? withdrawal.reportId() : null;
  }
}
