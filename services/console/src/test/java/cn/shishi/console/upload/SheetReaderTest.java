package cn.shishi.console.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shishi.console.upload.SheetRefusedException.Reason;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;

class SheetReaderTest {
  private static final String HEADER = "行政区划,项目,任务类型,数量,受益人数,完成日期,完成时间,备注";
  private final SheetReader reader = new SheetReader(3);

  @Test
  void readsAGb18030Csv() throws Exception {
    String text = HEADER + "\r\n330402,warm-nest,household-helped,2,5,2026-11-30,10:30,南湖区两户\r\n";
    Sheet sheet = read(text.getBytes(Charset.forName("GB18030")));
    assertThat(sheet.header()).startsWith("行政区划", "项目");
    assertThat(sheet.rows()).hasSize(1);
    assertThat(sheet.rows().get(0).cells()).endsWith("南湖区两户");
    assertThat(sheet.rows().get(0).number()).isEqualTo(2);
  }

  @Test
  void readsUtf8WithAndWithoutItsByteOrderMark() throws Exception {
    byte[] plain =
        (HEADER + "\n330402,warm-nest,lecture,1,30,2026-11-30,,\"说明,含逗号\"\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);
    for (byte[] content : List.of(plain, bom)) {
      Sheet sheet = read(content);
      assertThat(sheet.header().get(0)).isEqualTo("行政区划");
      assertThat(sheet.rows().get(0).cell(7)).isEqualTo("说明,含逗号");
    }
  }

  @Test
  void readsAnXlsxAsItsPersonTypedIt() throws Exception {
    byte[] xlsx =
        Workbooks.xlsx(
            sheet -> {
              Row header = sheet.createRow(0);
              String[] names = HEADER.split(",");
              for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
              }
              CellStyle day = sheet.getWorkbook().createCellStyle();
              day.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("yyyy/m/d"));
              Row row = sheet.createRow(2);
              row.createCell(0).setCellValue(330402);
              row.createCell(1).setCellValue("暖巢行动 (warm-nest)");
              row.createCell(3).setCellValue(2);
              row.createCell(5).setCellValue(LocalDateTime.of(2026, 11, 30, 0, 0));
              row.getCell(5).setCellStyle(day);
            });
    Sheet sheet = read(xlsx);
    assertThat(sheet.rows()).hasSize(1);
    Sheet.Row row = sheet.rows().get(0);
    assertThat(row.number()).isEqualTo(3);
    assertThat(row.cells())
        .containsExactly("330402", "暖巢行动 (warm-nest)", "", "2", "", "2026-11-30");
  }

  @Test
  void refusesFormulas() throws Exception {
    byte[] xlsx =
        Workbooks.xlsx(
            sheet -> {
              sheet.createRow(0).createCell(0).setCellValue("数量");
              sheet.createRow(1).createCell(0).setCellFormula("1+1");
            });
    assertThatThrownBy(() -> read(xlsx))
        .isInstanceOfSatisfying(
            SheetRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.FORMULAS);
              assertThat(e.detail()).isEqualTo("A2");
            });
  }

  @Test
  void refusesAZipBomb() throws Exception {
    byte[] xlsx = Workbooks.xlsx(sheet -> sheet.createRow(0).createCell(0).setCellValue("数量"));
    byte[] bomb = Workbooks.inflated(xlsx, 100);
    assertThat(bomb.length).isLessThan(1024 * 1024);
    assertRefused(bomb, Reason.ZIP_BOMB);
  }

  @Test
  void refusesMoreRowsThanAllowed() throws Exception {
    assertRefused(
        (HEADER + "\n1\n2\n3\n4\n").getBytes(StandardCharsets.UTF_8), Reason.TOO_MANY_ROWS);
    byte[] xlsx =
        Workbooks.xlsx(
            sheet -> {
              for (int i = 0; i <= 4; i++) {
                sheet.createRow(i).createCell(0).setCellValue("row " + i);
              }
            });
    assertRefused(xlsx, Reason.TOO_MANY_ROWS);
  }

  @Test
  void refusesWhatIsNoSpreadsheet() {
    assertRefused(new byte[0], Reason.EMPTY);
    assertRefused(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, Reason.OLD_EXCEL);
    assertRefused(
        "%PDF-1.7\n\u0000\u0001binary".getBytes(StandardCharsets.UTF_8), Reason.NOT_A_SPREADSHEET);
    assertRefused(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, Reason.NOT_A_SPREADSHEET);
    assertRefused(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, Reason.NOT_TEXT);
  }

  @Test
  void ignoresCellsFarBeyondTheColumnsATemplateHas() throws Exception {
    byte[] xlsx =
        Workbooks.xlsx(
            sheet -> {
              sheet.createRow(0).createCell(0).setCellValue("数量");
              Row row = sheet.createRow(1);
              row.createCell(0).setCellValue(1);
              row.createCell(16383).setCellValue("XFD2");
            });
    assertThat(read(xlsx).rows().get(0).cells()).containsExactly("1");
  }

  /** As the console reads an upload: the file on disk, and its bytes. */
  private Sheet read(byte[] content) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("upload", ".bin");
    try {
      java.nio.file.Files.write(file, content);
      return reader.read(file, content);
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  private void assertRefused(byte[] content, Reason reason) {
    assertThatThrownBy(() -> read(content))
        .isInstanceOfSatisfying(
            SheetRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
