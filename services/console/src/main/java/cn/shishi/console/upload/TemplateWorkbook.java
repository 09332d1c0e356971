package cn.shishi.console.upload;

import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.Region;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The upload template: a sheet "报告" with the Chinese header row, whose region, program and task
 * type columns offer drop-down lists of valid choices (name and code, from the sheet "代码表"), and
 * whose numbers and dates are checked as they are typed; and a sheet of instructions.
 */
public final class TemplateWorkbook {
  static final String REPORTS = "报告";
  static final String CODES = "代码表";
  static final String HELP = "填写说明";

  private TemplateWorkbook() {}

  public static byte[] build(
      List<Region> regions,
      List<CatalogEntry> programs,
      List<CatalogEntry> taskTypes,
      List<String> help,
      int maxRows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet reports = workbook.createSheet(REPORTS);
      Sheet codes = workbook.createSheet(CODES);
      Sheet instructions = workbook.createSheet(HELP);
      header(workbook, reports);
      int regionRows =
          list(
              codes, 0, "行政区划", regions.stream().map(r -> choice(r.name(), r.fullCode())).toList());
      int programRows =
          list(codes, 1, "项目", programs.stream().map(e -> choice(e.name(), e.code())).toList());
      int typeRows =
          list(codes, 2, "任务类型", taskTypes.stream().map(e -> choice(e.name(), e.code())).toList());
      DataValidationHelper helper = reports.getDataValidationHelper();
      validate(reports, helper, Column.REGION, listOf(helper, "A", regionRows), maxRows);
      validate(reports, helper, Column.PROGRAM, listOf(helper, "B", programRows), maxRows);
      validate(reports, helper, Column.TASK_TYPE, listOf(helper, "C", typeRows), maxRows);
      validate(
          reports,
          helper,
          Column.QUANTITY,
          helper.createIntegerConstraint(
              DataValidationConstraint.OperatorType.BETWEEN, "1", "100000"),
          maxRows);
      validate(
          reports,
          helper,
          Column.BENEFICIARIES,
          helper.createIntegerConstraint(
              DataValidationConstraint.OperatorType.BETWEEN, "0", "10000000"),
          maxRows);
      formats(workbook, reports);
      for (int i = 0; i < help.size(); i++) {
        instructions.createRow(i).createCell(0).setCellValue(help.get(i));
      }
      instructions.setColumnWidth(0, 120 * 256);
      codes.setColumnWidth(0, 30 * 256);
      codes.setColumnWidth(1, 40 * 256);
      codes.setColumnWidth(2, 30 * 256);
      workbook.setActiveSheet(0);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "南湖区 (330402)": what the lists offer, and what the upload reads the code from. */
  static String choice(String name, String code) {
    return name + " (" + code + ")";
  }

  private static void header(XSSFWorkbook workbook, Sheet reports) {
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row header = reports.createRow(0);
    for (Column column : Column.values()) {
      header.createCell(column.ordinal()).setCellValue(column.chinese());
      header.getCell(column.ordinal()).setCellStyle(bold);
      reports.setColumnWidth(column.ordinal(), (column == Column.NOTE ? 40 : 22) * 256);
    }
    reports.createFreezePane(0, 1);
  }

  private static void formats(XSSFWorkbook workbook, Sheet reports) {
    CellStyle day = workbook.createCellStyle();
    day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    CellStyle time = workbook.createCellStyle();
    time.setDataFormat(workbook.createDataFormat().getFormat("hh:mm"));
    reports.setDefaultColumnStyle(Column.COMPLETED_ON.ordinal(), day);
    reports.setDefaultColumnStyle(Column.COMPLETED_TIME.ordinal(), time);
  }

  private static int list(Sheet codes, int column, String title, List<String> values) {
    row(codes, 0).createCell(column).setCellValue(title);
    for (int i = 0; i < values.size(); i++) {
      row(codes, i + 1).createCell(column).setCellValue(values.get(i));
    }
    return values.size();
  }

  private static Row row(Sheet sheet, int index) {
    Row row = sheet.getRow(index);
    return row == null ? sheet.createRow(index) : row;
  }

  private static DataValidationConstraint listOf(
      DataValidationHelper helper, String column, int rows) {
    return helper.createFormulaListConstraint(
        "'" + CODES + "'!$" + column + "$2:$" + column + "$" + (rows + 1));
  }

  private static void validate(
      Sheet reports,
      DataValidationHelper helper,
      Column column,
      DataValidationConstraint constraint,
      int maxRows) {
    DataValidation validation =
        helper.createValidation(
            constraint, new CellRangeAddressList(1, maxRows, column.ordinal(), column.ordinal()));
    validation.setShowErrorBox(true);
    validation.setSuppressDropDownArrow(true);
    reports.addValidationData(validation);
  }
}
