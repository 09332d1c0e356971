package cn.shishi.aggregator.query;

import cn.shishi.web.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A totals page as CSV ({@link Csv}): the groupBy codes, their names, the reports, one quantity
 * column per unit on the page ({@code quantity[户]}; empty where a row has nothing in that unit, so
 * that a spreadsheet's column sum never adds two units), then the beneficiaries.
 */
final class TotalsCsv {
  private TotalsCsv() {}

  static String of(TotalsPage page) {
    SortedSet<String> units = new TreeSet<>();
    page.rows().forEach(row -> units.addAll(row.quantities().keySet()));
    List<String> header = new ArrayList<>();
    for (String dimension : page.groupBy()) {
      header.add(dimension);
      if (named(dimension)) {
        header.add(dimension + "Name");
      }
    }
    header.add("reports");
    units.forEach(unit -> header.add("quantity[" + unit + "]"));
    header.add("beneficiaries");
    Csv csv = new Csv().line(header);
    for (TotalsPage.Row row : page.rows()) {
      List<Object> cells = new ArrayList<>();
      for (String dimension : page.groupBy()) {
        cells.add(row.group().get(dimension));
        if (named(dimension)) {
          cells.add(row.names() == null ? "" : row.names().getOrDefault(dimension, ""));
        }
      }
      cells.add(row.reports());
      units.forEach(unit -> cells.add(row.quantities().getOrDefault(unit, null)));
      cells.add(row.beneficiaries());
      csv.line(cells);
    }
    return csv.toString();
  }

  private static boolean named(String dimension) {
    return !dimension.equals("day") && !dimension.equals("month");
  }
}
