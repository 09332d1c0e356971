package cn.shishi.bench;

import cn.shishi.catalog.Regions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code bin/shishi demo}: files the article's figures and compares the totals with them. */
final class Demo {
  private static final int BATCH = 500;

  private final Api api;
  private final PrintStream out;

  Demo(Api api, PrintStream out) {
    this.api = api;
    this.out = out;
  }

  boolean run() throws InterruptedException {
    DemoPlan plan = DemoPlan.article(Regions.load());
    List<DemoPlan.Planned> reports = plan.reports();
    Map<String, List<DemoPlan.Planned>> byOffice = new LinkedHashMap<>();
    reports.forEach(p -> byOffice.computeIfAbsent(p.officeRegion(), k -> new ArrayList<>()).add(p));
    out.printf(
        "demo: %,d reports from %d offices (%s to %s); ids are fixed, so a second run adds"
            + " nothing%n",
        reports.size(), byOffice.size(), DemoPlan.FIRST_DAY, DemoPlan.LAST_DAY);
    List<CompletableFuture<Posts.Answer>> pending = new ArrayList<>();
    for (Map.Entry<String, List<DemoPlan.Planned>> office : byOffice.entrySet()) {
      String token = api.officeToken("demo-office-" + office.getKey(), office.getKey());
      List<DemoPlan.Planned> list = office.getValue();
      for (int from = 0; from < list.size(); from += BATCH) {
        ObjectNode batch = Report.JSON.createObjectNode();
        ArrayNode array = batch.putArray("reports");
        list.subList(from, Math.min(list.size(), from + BATCH))
            .forEach(p -> array.add(p.report().toJson()));
        pending.add(api.post("/api/v1/reports/batch", token, batch.toString()));
        // Two batches in flight are plenty, and kind to a shared machine.
        if (pending.size() >= 2) {
          expectAccepted(pending.remove(0));
        }
      }
    }
    for (CompletableFuture<Posts.Answer> request : pending) {
      expectAccepted(request);
    }
    out.println("all batches accepted; waiting for the aggregator...");
    api.awaitDrained(Duration.ofMinutes(5));

    out.println();
    out.printf(
        "%s %14s %14s %14s %14s  %s%n",
        pad("figure (2021-02-01..2021-05-13)", 34),
        "article",
        "totals",
        "article people",
        "totals people",
        "");
    boolean all = true;
    for (DemoPlan.Check check : plan.checks()) {
      Map<String, String> filters = new LinkedHashMap<>();
      filters.put(DemoPlan.scopeParameter(check.scope()), check.scope());
      filters.put("taskType", check.taskType());
      filters.put("from", DemoPlan.FIRST_DAY.toString());
      filters.put("to", DemoPlan.LAST_DAY.toString());
      Api.Totals totals = api.totals(filters);
      boolean ok =
          totals.quantity() == check.quantity() && totals.beneficiaries() == check.beneficiaries();
      all &= ok;
      out.printf(
          "%s %,14d %,14d %,14d %,14d  %s%n",
          pad(check.label(), 34),
          check.quantity(),
          totals.quantity(),
          check.beneficiaries(),
          totals.beneficiaries(),
          ok ? "ok" : "DIFFERENT");
    }
    out.println(
        all
            ? "every figure of the article is in the totals, exactly"
            : "some totals differ (another run wrote into the same cells?)");
    commitments();
    return all;
  }

  /** Sets the article's commitments as 2021's targets and prints how far each is done. */
  private void commitments() {
    for (DemoPlan.Commitment commitment : DemoPlan.COMMITMENTS) {
      ObjectNode target = Report.JSON.createObjectNode();
      target
          .put("region", commitment.region())
          .put("program", "practical-deeds")
          .put("taskType", commitment.taskType())
          .put("year", 2021)
          .put("quantity", commitment.quantity())
          .put("note", "demo: " + commitment.label());
      api.putAggregator("/api/v1/targets", target.toString());
    }
    JsonNode progress =
        api.aggregatorJson("/api/v1/progress?groupBy=province,taskType&from=2021-01-01");
    out.println();
    out.printf("%s %12s %12s %8s%n", pad("target (2021)", 40), "target", "achieved", "ratio");
    for (JsonNode row : progress.path("rows")) {
      out.printf(
          "%s %,12d %,12d %8s%n",
          pad(
              row.path("names").path("province").asText()
                  + " "
                  + row.path("names").path("taskType").asText(),
              40),
          row.path("target").asLong(),
          row.path("achieved").asLong(),
          row.path("ratio").asText());
    }
  }

  /** Pads to a width in terminal columns, where a Chinese character takes two. */
  static String pad(String text, int columns) {
    int width = text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
    return text + " ".repeat(Math.max(0, columns - width));
  }

  private void expectAccepted(CompletableFuture<Posts.Answer> request) {
    Posts.Answer response = request.join();
    if (response.status() != 202) {
      throw new IllegalStateException(
          "a demo batch was refused: " + response.status() + " " + response.body());
    }
  }
}
