package cn.shishi.console.upload;

import cn.shishi.console.upload.SheetRefusedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded file's first sheet as text: {@code .xlsx} with Apache POI's streaming reader
 * over the file on disk (its parts are inflated as they are parsed, never held whole), {@code .csv}
 * with Commons CSV in UTF-8 or GB18030. Memory is bounded by the rows kept, at most {@code maxRows}
 * of at most {@link SheetCollector#MAX_COLUMNS} cells. The content decides, not the file's name.
 * Refused as a whole: files that are neither, Excel 97 files, zip bombs, cells with formulas (their
 * value is not what the person typed, and they would run again in whoever opens an export), and
 * more rows than allowed.
 */
public final class SheetReader {
  /** Compressed at most 100 to 1: POI's own guard against zip bombs, made explicit. */
  static final double MIN_INFLATE_RATIO = 0.01;

  /** No part of an accepted workbook is larger than this once inflated. */
  static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final Charset GB18030 = Charset.forName("GB18030");

  static {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
  }

  private final int maxRows;

  public SheetReader(int maxRows) {
    this.maxRows = maxRows;
  }

  /** The sheet of {@code file}, whose bytes (a CSV file's whole text) are {@code content}. */
  public Sheet read(Path file, byte[] content) throws SheetRefusedException {
    if (content.length == 0) {
      throw new SheetRefusedException(Reason.EMPTY, null);
    }
    if (startsWith(content, ZIP)) {
      return xlsx(file);
    }
    if (startsWith(content, OLE2)) {
      throw new SheetRefusedException(Reason.OLD_EXCEL, null);
    }
    return csv(decode(content));
  }

  // ------------------------------------------------------------------------------------ xlsx

  private Sheet xlsx(Path file) throws SheetRefusedException {
    SheetCollector rows = new SheetCollector(maxRows);
    try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(workbook);
      StylesTable styles = reader.getStylesTable();
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new SheetRefusedException(Reason.EMPTY, null);
      }
      try (InputStream first = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        FormulaGuard guard = new FormulaGuard(parser);
        guard.setContentHandler(
            new XSSFSheetXMLHandler(styles, strings, rows, new CellFormatter(), false));
        guard.parse(new InputSource(first));
        if (!guard.formulas().isEmpty()) {
          throw new SheetRefusedException(Reason.FORMULAS, String.join(", ", guard.formulas()));
        }
      }
    } catch (SheetRefusedException e) {
      throw e;
    } catch (SheetCollector.TooManyRows e) {
      throw new SheetRefusedException(Reason.TOO_MANY_ROWS, Integer.toString(maxRows));
    } catch (Exception e) {
      throw refusal(e, maxRows);
    }
    return rows.sheet();
  }

  /** A zip bomb, said as such; anything else that is no workbook is "not a spreadsheet". */
  private static SheetRefusedException refusal(Throwable e, int maxRows) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SheetCollector.TooManyRows) {
        return new SheetRefusedException(Reason.TOO_MANY_ROWS, Integer.toString(maxRows));
      }
      String message = String.valueOf(cause.getMessage());
      if (message.contains("Zip bomb") || message.contains("max entry size")) {
        return new SheetRefusedException(Reason.ZIP_BOMB, null);
      }
    }
    return new SheetRefusedException(Reason.NOT_A_SPREADSHEET, null);
  }

  // ------------------------------------------------------------------------------------- csv

  /** UTF-8 (with or without its byte-order mark), else GB18030; strictly, or not text at all. */
  static String decode(byte[] content) throws SheetRefusedException {
    if (startsWith(content, UTF8_BOM)) {
      return strict(content, 3, StandardCharsets.UTF_8);
    }
    try {
      return strict(content, 0, StandardCharsets.UTF_8);
    } catch (SheetRefusedException notUtf8) {
      return strict(content, 0, GB18030);
    }
  }

  private static String strict(byte[] content, int offset, Charset charset)
      throws SheetRefusedException {
    try {
      String text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content, offset, content.length - offset))
              .toString();
      if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n')) {
        throw new SheetRefusedException(Reason.NOT_A_SPREADSHEET, null);
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new SheetRefusedException(Reason.NOT_TEXT, null);
    }
  }

  private Sheet csv(String text) throws SheetRefusedException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    List<String> header = null;
    List<Sheet.Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord record : parser) {
        List<String> cells =
            record.stream().limit(SheetCollector.MAX_COLUMNS).map(String::strip).toList();
        if (cells.stream().allMatch(String::isEmpty)) {
          continue;
        }
        if (header == null) {
          header = cells;
          continue;
        }
        if (rows.size() == maxRows) {
          throw new SheetRefusedException(Reason.TOO_MANY_ROWS, Integer.toString(maxRows));
        }
        rows.add(new Sheet.Row((int) record.getRecordNumber(), cells));
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new SheetRefusedException(Reason.NOT_A_SPREADSHEET, null);
    }
    if (header == null) {
      throw new SheetRefusedException(Reason.EMPTY, null);
    }
    return new Sheet(header, rows);
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
