package cn.shishi.console.upload;

/** A file the console will not read as a spreadsheet, and why (shown to the person as a whole). */
public class SheetRefusedException extends Exception {
  /** Why a file is refused as a whole. */
  public enum Reason {
    EMPTY,
    NOT_A_SPREADSHEET,
    OLD_EXCEL,
    ZIP_BOMB,
    FORMULAS,
    TOO_MANY_ROWS,
    MISSING_COLUMNS,
    NOT_TEXT
  }

  private final Reason reason;
  private final String detail;

  public SheetRefusedException(Reason reason, String detail) {
    super(reason + (detail == null ? "" : ": " + detail), null, false, false);
    this.reason = reason;
    this.detail = detail;
  }

  public Reason reason() {
    return reason;
  }

  /** What the refusal names: the cells with formulas, the missing columns, the limit. */
  public String detail() {
    return detail == null ? "" : detail;
  }
}
