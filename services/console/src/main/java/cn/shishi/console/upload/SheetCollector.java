package cn.shishi.console.upload;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;

/** Collects the rows of a sheet as POI's streaming reader hands them over, up to a limit. */
final class SheetCollector implements SheetContentsHandler {
  /** Cells beyond this column are ignored: a row cannot grow by naming a far column (XFD1). */
  static final int MAX_COLUMNS = 32;

  private final int maxRows;
  private List<String> header;
  private final List<Sheet.Row> rows = new ArrayList<>();
  private List<String> current;
  private int nextColumn;

  SheetCollector(int maxRows) {
    this.maxRows = maxRows;
  }

  @Override
  public void startRow(int rowNum) {
    current = new ArrayList<>();
    nextColumn = 0;
  }

  @Override
  public void cell(String reference, String value, XSSFComment comment) {
    int column = reference == null ? nextColumn : new CellReference(reference).getCol();
    nextColumn = column + 1;
    if (column >= MAX_COLUMNS) {
      return;
    }
    while (current.size() < column) {
      current.add("");
    }
    current.add(value == null ? "" : value.strip());
  }

  @Override
  public void endRow(int rowNum) {
    if (current.stream().allMatch(String::isEmpty)) {
      return;
    }
    if (header == null) {
      header = current;
      return;
    }
    if (rows.size() == maxRows) {
      throw new TooManyRows();
    }
    rows.add(new Sheet.Row(rowNum + 1, current));
  }

  Sheet sheet() {
    return new Sheet(header == null ? List.of() : header, rows);
  }

  /** Thrown through the parser to stop reading a sheet that is too long. */
  static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super("too many rows", null, false, false);
    }
  }
}
