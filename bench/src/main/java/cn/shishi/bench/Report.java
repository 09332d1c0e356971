package cn.shishi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** A report as an office posts it (docs/api.md). */
record Report(
    UUID reportId,
    String regionCode,
    String program,
    String taskType,
    int quantity,
    long beneficiaries,
    OffsetDateTime completedAt,
    String note) {

  static final ObjectMapper JSON = new ObjectMapper();

  String province() {
    return regionCode.substring(0, 2);
  }

  ObjectNode toJson() {
    ObjectNode node =
        JSON.createObjectNode()
            .put("reportId", reportId.toString())
            .put("regionCode", regionCode)
            .put("program", program)
            .put("taskType", taskType)
            .put("quantity", quantity)
            .put("beneficiaries", beneficiaries)
            .put("completedAt", completedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    if (note != null) {
      node.put("note", note);
    }
    return node;
  }
}
