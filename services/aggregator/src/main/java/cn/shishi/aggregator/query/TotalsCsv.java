package cn.shishi.aggregator.query;

import cn.shishi.web.Csv;
import java.util.ArrayList;
import java.util.List;

/** A totals page as CSV ({@link Csv}): the groupBy codes, their names, then the totals. */
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
    Csv csv = new Csv().line(header);
    for (TotalsPage.Row row : page.rows()) {
      List<Object> cells = new ArrayList<>();
      for (String dimension : page.groupBy()) {
        cells.add(row.group().get(dimension));
        if (!dimension.equals("day") && !dimension.equals("month")) {
          cells.add(row.names() == null ? "" : row.names().getOrDefault(dimension, ""));
        }
      }
      cells.add(row.reports());
      cells.add(row.quantity());
      cells.add(row.beneficiaries());
      csv.line(cells);
    }
    return csv.toString();
  }
}
