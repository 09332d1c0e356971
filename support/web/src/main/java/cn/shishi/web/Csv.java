package cn.shishi.web;

import java.util.List;

/**
 * RFC 4180 CSV for spreadsheets, safe to open: a text cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be read as a formula by Excel or WPS (CSV
 * injection), so it is written after an apostrophe, which spreadsheets show as text.
 */
public final class Csv {
  private final StringBuilder csv = new StringBuilder();

  /** Appends one line of cells; numbers are written as they are, text is neutralised. */
  public Csv line(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      Object cell = cells.get(i);
      csv.append(cell instanceof Number number ? number.toString() : text(cell));
    }
    csv.append("\r\n");
    return this;
  }

  @Override
  public String toString() {
    return csv.toString();
  }

  /** A text cell, neutralised and quoted where it must be. */
  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    String cell = value.toString();
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      cell = "'" + cell;
    }
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }
}
