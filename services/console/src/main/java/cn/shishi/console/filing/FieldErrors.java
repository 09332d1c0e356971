package cn.shishi.console.filing;

import java.util.Map;

/** What is wrong with each field of the report form, to be shown beside it (null when nothing). */
public record FieldErrors(
    String regionCode,
    String program,
    String taskType,
    String quantity,
    String beneficiaries,
    String completedAt,
    String note) {

  /** From field names (or the API's pointers without their slash) to texts. */
  public static FieldErrors of(Map<String, String> byField) {
    return new FieldErrors(
        byField.get("regionCode"),
        byField.get("program"),
        byField.get("taskType"),
        byField.get("quantity"),
        byField.get("beneficiaries"),
        byField.get("completedAt"),
        byField.get("note"));
  }
}
