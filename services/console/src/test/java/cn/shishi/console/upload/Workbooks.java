package cn.shishi.console.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets for the tests, made with POI as a spreadsheet program would save them. */
final class Workbooks {
  private Workbooks() {}

  static byte[] xlsx(Consumer<Sheet> fill) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(workbook.createSheet("报告"));
      workbook.write(out);
      return out.toByteArray();
    }
  }

  /** {@code xlsx} with its first sheet padded by {@code megabytes} of blanks: a zip bomb. */
  static byte[] inflated(byte[] xlsx, int megabytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        zip.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int end = xml.lastIndexOf("</worksheet>");
          zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
          byte[] blanks = new byte[1024 * 1024];
          java.util.Arrays.fill(blanks, (byte) ' ');
          for (int i = 0; i < megabytes; i++) {
            zip.write(blanks);
          }
          zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        } else {
          zip.write(content);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
