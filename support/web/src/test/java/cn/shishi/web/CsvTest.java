package cn.shishi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV that a spreadsheet opens as data: no cell becomes a formula, quoting per RFC 4180. */
class CsvTest {

  @Test
  void aCellThatASpreadsheetWouldReadAsAFormulaIsWrittenAsText() {
    for (String hostile :
        List.of("=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1")) {
      assertThat(Csv.text(hostile)).as(hostile).matches("(?s)\"?'.*");
    }
  }

  @Test
  void numbersStayNumbersAndQuotesAreDoubled() {
    String line = new Csv().line(Arrays.asList(-5, "南湖区", "a,b", "say \"hi\"", null)).toString();
    assertThat(line).isEqualTo("-5,南湖区,\"a,b\",\"say \"\"hi\"\"\",\r\n");
  }
}
