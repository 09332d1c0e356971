package cn.shishi.console.upload;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A cell's value as text the rows can read whatever the person's spreadsheet program and locale:
 * dates as {@code 2026-11-30} (with {@code HH:mm} when they have a time), times of day as {@code
 * HH:mm}, numbers in full ({@code 330402}, not {@code 330402.0} or {@code 3.3E5}).
 */
final class CellFormatter extends DataFormatter {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  CellFormatter() {
    super(Locale.ROOT);
  }

  @Override
  public String formatRawCellContents(double value, int formatIndex, String formatString) {
    if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
      LocalDateTime at = DateUtil.getLocalDateTime(value);
      if (value < 1) {
        return at.format(TIME);
      }
      return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
          ? at.format(DAY)
          : at.format(DAY_TIME);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
