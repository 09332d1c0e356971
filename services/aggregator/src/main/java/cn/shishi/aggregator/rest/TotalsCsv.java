package cn.shishi.aggregator.rest;

import java.util.ArrayList;
import java.util.List;

/** A totals page as RFC 4180 CSV: the groupBy codes, their names, then the totals. */
final class TotalsCsv {
  private TotalsCsv() {}

  static String of(TotalsPage page) {
    List<String> header = new ArrayList<>();
    for (String dimension : page.groupBy()) {
      header.add(dimension);
      if (!dimension.equals("day") && !dimension.equals("month")) {
        header.add(dimension + "Name");
      }
    }
    header.addAll(List.of("reports", "quantity", "beneficiaries"));
    StringBuilder csv = new StringBuilder();
    line(csv, header);
    for (TotalsPage.Row row : page.rows()) {
      List<String> cells = new ArrayList<>();
      for (String dimension : page.groupBy()) {
        cells.add(row.group().get(dimension));
        if (!dimension.equals("day") && !dimension.equals("month")) {
          cells.add(row.names() == null ? "" : row.names().getOrDefault(dimension, ""));
        }
      }
      cells.add(Long.toString(row.reports()));
      cells.add(Long.toString(row.quantity()));
      cells.add(Long.toString(row.beneficiaries()));
      line(csv, cells);
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(escape(cells.get(i)));
    }
    csv.append("\r\n");
  }

  private static String escape(String cell) {
    if (cell == null) {
      return "";
    }
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }
}
