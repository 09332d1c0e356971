package cn.shishi.ingest.domain;

import java.util.UUID;

/**
 * The body of {@code POST /api/v1/admin/withdrawals}: which office's report, its region (from the
 * ledger's trace), and why.
 */
public record AdminWithdrawal(UUID reportId, String officeId, String regionCode, String reason) {}
