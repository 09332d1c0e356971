package cn.shishi.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the load's requests: one office's reports, single or in a batch, with the duplicates, late
 * reports and invalid requests the options ask for.
 */
final class LoadRequests {
  private final LoadOptions options;
  private final ReportFactory factory;
  private final Api api;
  private final FiledReports filed;

  LoadRequests(LoadOptions options, ReportFactory factory, Api api, FiledReports filed) {
    this.options = options;
    this.factory = factory;
    this.api = api;
    this.filed = filed;
  }

  private static byte[] utf8(ObjectNode json) {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  LoadRequest next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String office = factory.randomOffice();
    String token = api.officeToken("load-office-" + office, office);
    List<Report> fresh = new ArrayList<>();
    List<Report> items = new ArrayList<>();
    Set<UUID> ids = new HashSet<>();
    for (int j = 0; j < options.batchSize(); j++) {
      FiledReports.Filed duplicate =
          random.nextDouble() < options.duplicates() ? filed.any(office) : null;
      if (duplicate != null && ids.add(duplicate.report().reportId())) {
        items.add(duplicate.report());
      } else {
        int lateDays = random.nextDouble() < options.late() ? 1 + random.nextInt(30) : 0;
        Report report = factory.report(office, lateDays);
        ids.add(report.reportId());
        items.add(report);
        fresh.add(report);
      }
    }
    boolean invalid = random.nextDouble() < options.invalid();
    List<ObjectNode> bodies = new ArrayList<>(items.stream().map(Report::toJson).toList());
    if (invalid) {
      // In a batch, one bad report makes the whole batch 422 (all or nothing).
      int victim = random.nextInt(bodies.size());
      bodies.set(victim, ReportFactory.invalid(items.get(victim)));
    }
    if (options.batched()) {
      ObjectNode batch = Report.JSON.createObjectNode();
      ArrayNode array = batch.putArray("reports");
      bodies.forEach(array::add);
      return new LoadRequest(
          "/api/v1/reports/batch", office, token, utf8(batch), invalid, items, fresh);
    }
    return new LoadRequest(
        "/api/v1/reports", office, token, utf8(bodies.get(0)), invalid, items, fresh);
  }
}
