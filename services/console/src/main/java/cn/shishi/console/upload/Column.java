package cn.shishi.console.upload;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an upload, known by their header in Chinese (the template's) or by the API's field
 * name in English; in any order, other columns ignored.
 */
public enum Column {
  REGION("行政区划", "regionCode", true),
  PROGRAM("项目", "program", true),
  TASK_TYPE("任务类型", "taskType", true),
  QUANTITY("数量", "quantity", false),
  BENEFICIARIES("受益人数", "beneficiaries", false),
  COMPLETED_ON("完成日期", "completedOn", true),
  COMPLETED_TIME("完成时间", "completedTime", false),
  NOTE("备注", "note", false);

  private final String chinese;
  private final String field;
  private final boolean required;

  Column(String chinese, String field, boolean required) {
    this.chinese = chinese;
    this.field = field;
    this.required = required;
  }

  public String chinese() {
    return chinese;
  }

  public String field() {
    return field;
  }

  /** The header as the person reads it: the template's (in Chinese), with the field in English. */
  public String header(Locale locale) {
    return Locale.ENGLISH.equals(locale) ? chinese + " (" + field + ")" : chinese;
  }

  /** The column a report field's JSON pointer ({@code /quantity}) names. */
  public static Optional<Column> ofPointer(String pointer) {
    String field = pointer.substring(pointer.lastIndexOf('/') + 1);
    for (Column column : values()) {
      if (column.field.equals(field)) {
        return Optional.of(column);
      }
    }
    return field.equals("completedAt") ? Optional.of(COMPLETED_ON) : Optional.empty();
  }

  /** Where each column is in {@code header}; the required ones missing are in {@code missing}. */
  public static Map<Column, Integer> locate(List<String> header, List<Column> missing) {
    Map<Column, Integer> found = new EnumMap<>(Column.class);
    for (int i = 0; i < header.size(); i++) {
      String name = bare(header.get(i));
      for (Column column : values()) {
        if (column.chinese.equals(name) || column.field.equalsIgnoreCase(name)) {
          found.putIfAbsent(column, i);
        }
      }
    }
    for (Column column : values()) {
      if (column.required && !found.containsKey(column)) {
        missing.add(column);
      }
    }
    return found;
  }

  /** A header without what follows its name in brackets: "数量（件、户…）" is "数量". */
  private static String bare(String header) {
    String name = header.strip();
    int bracket = name.replace('（', '(').indexOf('(');
    return bracket > 0 ? name.substring(0, bracket).strip() : name;
  }
}
