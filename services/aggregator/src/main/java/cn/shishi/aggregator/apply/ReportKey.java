package cn.shishi.aggregator.apply;

import java.util.UUID;

/** A report's key in the ledger: an office's id for it is unique within that office only. */
public record ReportKey(String officeId, UUID reportId) {}
