package cn.shishi.contract.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shishi.contract.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportValidatorTest {
  private static final Instant NOW = Instant.parse("2021-05-14T04:00:00Z");
  private static final Catalog CATALOG =
      new Catalog() {
        @Override
        public boolean regionExists(String regionCode) {
          return Set.of("330402", "330400", "330000").contains(regionCode);
        }

        @Override
        public boolean programExists(String code) {
          return code.equals("warm-nest");
        }

        @Override
        public boolean taskTypeExists(String code) {
          return code.equals("household-helped");
        }
      };

  private final ReportValidator validator = validatorWithSkew(Duration.ofMinutes(5));

  private static ReportSubmission valid() {
    return SubmissionBuilder.valid().build();
  }

  private static ReportSubmission withQuantity(Integer quantity) {
    return SubmissionBuilder.valid().quantity(quantity).build();
  }

  private static ReportSubmission withBeneficiaries(Integer beneficiaries) {
    return SubmissionBuilder.valid().beneficiaries(beneficiaries).build();
  }

  private static ReportSubmission completedAt(String at) {
    return SubmissionBuilder.valid().completedAt(at).build();
  }

  private static ReportSubmission withNote(String note) {
    return SubmissionBuilder.valid().note(note).build();
  }

  private Set<String> pointers(ReportSubmission report) {
    return validator.validate(report, "/reports/7").violations().stream()
        .map(Violation::pointer)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void appliesDefaultsToAValidReport() {
    ReportValidator.Validated validated = validator.validate(valid(), "");
    assertThat(validated.isValid()).isTrue();
    assertThat(validated.report().quantity()).isEqualTo(1);
    assertThat(validated.report().beneficiaries()).isZero();
    assertThat(validated.report().provinceCode()).isEqualTo("33");
  }

  @Test
  void reportsEveryMissingFieldAtOnceUnderItsPointer() {
    ReportSubmission empty = new ReportSubmission(null, null, null, null, null, null, null, null);
    assertThat(pointers(empty))
        .containsExactlyInAnyOrder(
            "/reports/7/reportId",
            "/reports/7/regionCode",
            "/reports/7/program",
            "/reports/7/taskType",
            "/reports/7/completedAt");
  }

  @Test
  void checksCodesAgainstTheCatalogue() {
    ReportSubmission r = valid();
    ReportSubmission unknown =
        new ReportSubmission(
            r.reportId(), "339999", "no-such", "nothing", null, null, r.completedAt(), null);
    assertThat(pointers(unknown))
        .containsExactlyInAnyOrder(
            "/reports/7/regionCode", "/reports/7/program", "/reports/7/taskType");
    ReportSubmission shortCode =
        new ReportSubmission(
            r.reportId(), "3304", r.program(), r.taskType(), null, null, r.completedAt(), null);
    assertThat(pointers(shortCode)).containsExactly("/reports/7/regionCode");
  }

  @Test
  void boundsQuantityAndBeneficiaries() {
    assertThat(pointers(withQuantity(1))).isEmpty();
    assertThat(pointers(withQuantity(100_000))).isEmpty();
    assertThat(pointers(withQuantity(0))).containsExactly("/reports/7/quantity");
    assertThat(pointers(withQuantity(100_001))).containsExactly("/reports/7/quantity");
    assertThat(pointers(withBeneficiaries(0))).isEmpty();
    assertThat(pointers(withBeneficiaries(10_000_000))).isEmpty();
    assertThat(pointers(withBeneficiaries(-1))).containsExactly("/reports/7/beneficiaries");
    assertThat(pointers(withBeneficiaries(10_000_001))).containsExactly("/reports/7/beneficiaries");
  }

  @Test
  void boundsCompletedAtByTheClockAndTheCampaignStart() {
    assertThat(pointers(completedAt("2021-05-14T04:05:00Z"))).isEmpty();
    assertThat(pointers(completedAt("2021-05-14T04:05:01Z")))
        .containsExactly("/reports/7/completedAt");
    assertThat(pointers(completedAt("2021-05-14T12:05:00.000000001+08:00")))
        .containsExactly("/reports/7/completedAt");
    assertThat(pointers(completedAt("2021-01-01T00:00:00+08:00"))).isEmpty();
    assertThat(pointers(completedAt("2020-12-31T15:59:59.999999999Z")))
        .containsExactly("/reports/7/completedAt");
    assertThat(pointers(completedAt("2020-12-31T23:59:59+08:00")))
        .containsExactly("/reports/7/completedAt");
    // 2020-12-31T16:00Z is already 2021-01-01 in China.
    assertThat(pointers(completedAt("2020-12-31T16:00:00Z"))).isEmpty();
  }

  /** Offsets no clock uses (PostgreSQL refuses those past ±15:59) are refused before a 202. */
  @Test
  void boundsCompletedAtsOffsetToThoseClocksUse() {
    assertThat(pointers(completedAt("2021-05-14T18:05:00+14:00"))).isEmpty();
    assertThat(pointers(completedAt("2021-05-13T16:05:00-12:00"))).isEmpty();
    for (String offset : List.of("+14:01", "-12:01", "+16:00", "-18:00")) {
      assertThat(pointers(completedAt("2021-05-13T10:00:00" + offset)))
          .as(offset)
          .containsExactly("/reports/7/completedAt");
    }
    assertThat(
            validator
                .validate(completedAt("2021-05-13T10:00:00+16:00"), "")
                .violations()
                .get(0)
                .detail(Messages.CHINESE))
        .isEqualTo("时区偏移 +16:00 不存在：偏移应在 -12:00 到 +14:00 之间");
  }

  @Test
  void boundsCompletedAtByASkewOfAnyPrecision() {
    ReportValidator halfSecond = validatorWithSkew(Duration.ofSeconds(300, 500_000_000));
    assertThat(halfSecond.validate(completedAt("2021-05-14T04:05:00.5Z"), "").isValid()).isTrue();
    assertThat(halfSecond.validate(completedAt("2021-05-14T04:05:00.500000001Z"), "").isValid())
        .isFalse();
    ReportValidator behind = validatorWithSkew(Duration.ofSeconds(-1));
    assertThat(behind.validate(completedAt("2021-05-14T03:59:59Z"), "").isValid()).isTrue();
    assertThat(behind.validate(completedAt("2021-05-14T03:59:59.000000001Z"), "").isValid())
        .isFalse();
  }

  private static ReportValidator validatorWithSkew(Duration skew) {
    return new ReportValidator(
        CATALOG, Clock.fixed(NOW, ZoneOffset.UTC), LocalDate.parse("2021-01-01"), skew);
  }

  @Test
  void countsNoteCharactersAfterNfcNormalisation() {
    String decomposed = "e\u0301".repeat(500); // 1000 chars, 500 after NFC
    ReportValidator.Validated validated = validator.validate(withNote(decomposed), "");
    assertThat(validated.isValid()).isTrue();
    assertThat(validated.report().note()).isEqualTo("\u00e9".repeat(500));
    assertThat(pointers(withNote("x".repeat(501)))).containsExactly("/reports/7/note");
  }

  @Test
  void aNoteFourTimesTooLongIsRefusedOnItsRawLength() {
    // 2001 characters that NFC would fold to 1001 (still too long): refused on the raw length.
    String decomposed = "e\u0301".repeat(1000) + "x";
    List<Violation> violations = new java.util.ArrayList<>();
    assertThat(ReportValidator.text(decomposed, 500, "/note", violations)).isNull();
    assertThat(violations).extracting(Violation::pointer).containsExactly("/note");
  }

  @Test
  void refusesControlCharactersAndLoneSurrogatesInTheNote() {
    assertThat(pointers(withNote("line one\nline two\tend"))).isEmpty();
    assertThat(pointers(withNote("家 \uD83C\uDFE0 home"))).isEmpty();
    assertThat(pointers(withNote("nul \u0000 inside"))).containsExactly("/reports/7/note");
    assertThat(pointers(withNote("bell \u0007"))).containsExactly("/reports/7/note");
    assertThat(pointers(withNote("lone \uD800 high"))).containsExactly("/reports/7/note");
    assertThat(pointers(withNote("lone \uDC00 low"))).containsExactly("/reports/7/note");
  }
}
