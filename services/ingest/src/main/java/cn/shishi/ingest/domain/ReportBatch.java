package cn.shishi.ingest.domain;

import cn.shishi.contract.report.ReportSubmission;
import java.util.List;

/** The body of {@code POST /api/v1/reports/batch}: 1 to 1000 reports, all or nothing. */
public record ReportBatch(List<ReportSubmission> reports) {
  public static final int MAX_SIZE = 1000;
}
