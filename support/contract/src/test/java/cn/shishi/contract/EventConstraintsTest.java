package cn.shishi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.catalog.Regions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventConstraintsTest {
  private static final EventConstraints CONSTRAINTS = new EventConstraints(Regions.load());
  private static final Instant RECEIVED = Instant.parse("2021-05-14T02:31:07Z");

  private static ReportFiled filed(
      String officeId, Integer quantity, String completedAt, String note) {
    return new ReportFiled(
        1,
        UUID.randomUUID(),
        officeId,
        "330402",
        "warm-nest",
        "household-helped",
        quantity,
        0,
        OffsetDateTime.parse(completedAt),
        note,
        RECEIVED,
        "clerk-1");
  }

  private static ReportFiled sound() {
    return filed("jx-office-1", 1, "2021-05-14T10:30:00+08:00", "完成适老化改造");
  }

  @Test
  void aSoundEventCanBeStored() {
    assertThat(CONSTRAINTS.violation(sound())).isEmpty();
  }

  @Test
  void refusesWhatTheDatabaseWouldRefuse() {
    assertThat(CONSTRAINTS.violation(filed("o".repeat(129), 1, "2021-05-14T10:30:00+08:00", null)))
        .get()
        .asString()
        .contains("officeId");
    assertThat(
            CONSTRAINTS.violation(filed("jx-office-1", 1, "2021-05-14T10:30:00+08:00", "a\u0000b")))
        .get()
        .asString()
        .contains("note");
    assertThat(
            CONSTRAINTS.violation(
                filed("jx-office-1", 1, "2021-05-14T10:30:00+08:00", "x".repeat(501))))
        .get()
        .asString()
        .contains("note");
  }

  @Test
  void refusesValuesOutsideTheirRanges() {
    assertThat(CONSTRAINTS.violation(filed("jx-office-1", 0, "2021-05-14T10:30:00+08:00", null)))
        .isPresent();
    assertThat(
            CONSTRAINTS.violation(filed("jx-office-1", 100_001, "2021-05-14T10:30:00+08:00", null)))
        .isPresent();
    assertThat(CONSTRAINTS.violation(filed("jx-office-1", null, "2021-05-14T10:30:00+08:00", null)))
        .isPresent();
    assertThat(CONSTRAINTS.violation(filed("jx-office-1", 1, "0001-01-01T00:00:00Z", null)))
        .isPresent();
    assertThat(CONSTRAINTS.violation(filed("jx-office-1", 1, "9999-12-31T23:59:59Z", null)))
        .isPresent();
  }

  @Test
  void refusesAnotherSchemaVersion() {
    ReportFiled v2 =
        new ReportFiled(
            2,
            UUID.randomUUID(),
            "o",
            "330402",
            "p",
            "t",
            1,
            0,
            OffsetDateTime.now(),
            null,
            RECEIVED,
            null);
    assertThat(CONSTRAINTS.violation(v2)).get().asString().contains("schemaVersion");
  }

  @Test
  void aWithdrawalNeedsAReasonOfPlainText() {
    ReportWithdrawn withdrawn =
        new ReportWithdrawn(
            1, UUID.randomUUID(), "jx-office-1", "3304", "录入错误", RECEIVED, "clerk-1", false);
    assertThat(CONSTRAINTS.violation(withdrawn)).isEmpty();
    ReportWithdrawn nul =
        new ReportWithdrawn(
            1, UUID.randomUUID(), "jx-office-1", "3304", "a\u0000", RECEIVED, null, false);
    assertThat(CONSTRAINTS.violation(nul)).get().asString().contains("reason");
    ReportWithdrawn badRegion =
        new ReportWithdrawn(
            1, UUID.randomUUID(), "jx-office-1", "3\u0000", "x", RECEIVED, null, false);
    assertThat(CONSTRAINTS.violation(badRegion)).get().asString().contains("officeRegion");
    ReportWithdrawn badFiler =
        new ReportWithdrawn(
            1, UUID.randomUUID(), "jx-office-1", "3304", "x", RECEIVED, "a\u0000", true);
    assertThat(CONSTRAINTS.violation(badFiler)).get().asString().contains("filedBy");
  }

  @Test
  void theFilerIsOptionalButPlainText() {
    ReportFiled sound = sound();
    ReportFiled anonymous =
        new ReportFiled(
            1,
            sound.reportId(),
            sound.officeId(),
            sound.regionCode(),
            sound.program(),
            sound.taskType(),
            1,
            0,
            sound.completedAt(),
            null,
            RECEIVED,
            null);
    assertThat(CONSTRAINTS.violation(anonymous)).isEmpty();
    ReportFiled badFiler =
        new ReportFiled(
            1,
            sound.reportId(),
            sound.officeId(),
            sound.regionCode(),
            sound.program(),
            sound.taskType(),
            1,
            0,
            sound.completedAt(),
            null,
            RECEIVED,
            "b".repeat(129));
    assertThat(CONSTRAINTS.violation(badFiler)).get().asString().contains("filedBy");
  }
}
