package cn.shishi.system;

import cn.shishi.infra.ContractSamples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Records no ingest would write, as anyone with access to the topic could: each breaks the contract
 * or the database in its own way (docs/reliability.md, F10). The aggregator must set every one
 * aside whole and go on.
 */
final class HostileRecords {
  private HostileRecords() {}

  /** One record: its key, headers and value exactly as written, and what it tries. */
  record Hostile(String what, byte[] key, RecordHeaders headers, byte[] value) {}

  static List<Hostile> all() {
    List<Hostile> all = new ArrayList<>();
    String nul = "\u0000";
    String long10k = "长".repeat(10_000);
    String marksOnly = "\u0301\u0302\u0303";
    for (String field : List.of("officeId", "regionCode", "program", "taskType", "note")) {
      all.add(filed("NUL in " + field, report().put(field, "x" + nul + "y")));
      all.add(filed("10,000 characters in " + field, report().put(field, long10k)));
      all.add(filed("combining marks only in " + field, report().put(field, marksOnly)));
    }
    for (String field : List.of("officeId", "officeRegion", "reason")) {
      all.add(withdrawn("NUL in the withdrawal's " + field, withdrawal().put(field, nul)));
      all.add(
          withdrawn(
              "10,000 characters in the withdrawal's " + field, withdrawal().put(field, long10k)));
    }
    all.add(filed("completedAt in year 0001", report().put("completedAt", "0001-01-01T00:00:00Z")));
    all.add(filed("completedAt in year 9999", report().put("completedAt", "9999-12-31T23:59:59Z")));
    all.add(filed("receivedAt in year 9999", report().put("receivedAt", "9999-12-31T23:59:59Z")));
    all.add(
        filed(
            "completedAt past Java's years",
            raw(
                report()
                    .toString()
                    .replaceFirst(
                        "\"completedAt\":\"[^\"]+\"",
                        "\"completedAt\":\"+999999999-12-31T23:59:59Z\""))));
    all.add(filed("quantity 0", report().put("quantity", 0)));
    all.add(filed("quantity -1", report().put("quantity", -1)));
    all.add(filed("quantity 100001", report().put("quantity", 100_001)));
    all.add(
        filed(
            "quantity past int",
            raw(
                report()
                    .toString()
                    .replaceFirst("\"quantity\":\\d+", "\"quantity\":99999999999999999999"))));
    all.add(filed("beneficiaries -1", report().put("beneficiaries", -1)));
    all.add(filed("beneficiaries 10000001", report().put("beneficiaries", 10_000_001)));
    all.add(filed("schemaVersion 2", report().put("schemaVersion", 2)));
    all.add(filed("schemaVersion 0", report().put("schemaVersion", 0)));
    ObjectNode noVersion = report();
    noVersion.remove("schemaVersion");
    all.add(filed("no schemaVersion", noVersion));
    all.add(withdrawn("withdrawal schemaVersion 9", withdrawal().put("schemaVersion", 9)));
    all.add(
        new Hostile(
            "an unknown event type", key(), type("report-filed-v2"), utf8(report().toString())));
    all.add(new Hostile("no event type", key(), new RecordHeaders(), utf8(report().toString())));
    all.add(
        filed(
            "bytes that are not UTF-8",
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
    all.add(filed("an empty value", new byte[0]));
    all.add(new Hostile("no value at all", key(), type("report-filed"), null));
    all.add(filed("not JSON", utf8("report: yes")));
    all.add(filed("a JSON array", utf8("[" + report() + "]")));
    all.add(filed("JSON nested 5,000 deep", utf8("[".repeat(5_000) + "]".repeat(5_000))));
    return all;
  }

  private static ObjectNode report() {
    ObjectNode event = ContractSamples.reportFiled();
    event.put("reportId", UUID.randomUUID().toString());
    return event;
  }

  private static ObjectNode withdrawal() {
    ObjectNode event = ContractSamples.reportWithdrawn();
    event.put("reportId", UUID.randomUUID().toString());
    return event;
  }

  private static Hostile filed(String what, ObjectNode event) {
    return filed(what, utf8(event.toString()));
  }

  private static Hostile filed(String what, byte[] value) {
    return new Hostile(what, key(), type("report-filed"), value);
  }

  private static Hostile withdrawn(String what, ObjectNode event) {
    return new Hostile(what, key(), type("report-withdrawn"), utf8(event.toString()));
  }

  private static byte[] raw(String json) {
    return utf8(json);
  }

  private static RecordHeaders type(String type) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("shishi-event-type", utf8(type));
    return headers;
  }

  private static byte[] key() {
    return utf8("33");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
