package cn.shishi.console.upload;

import java.util.List;

/**
 * A spreadsheet's first sheet as text: its header row and its data rows, each row with the number
 * the person sees in their spreadsheet program (the header is row 1). Empty rows are left out.
 */
public record Sheet(List<String> header, List<Row> rows) {

  /** A data row: its number in the file and its cells as text, blank cells as "". */
  public record Row(int number, List<String> cells) {
    public String cell(int column) {
      return column < cells.size() ? cells.get(column) : "";
    }
  }
}
