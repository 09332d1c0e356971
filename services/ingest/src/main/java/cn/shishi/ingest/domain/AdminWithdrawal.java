package cn.shishi.ingest.domain;

import java.util.UUID;

/**
 * The body of {@code POST /api/v1/admin/withdrawals}: which office's report, its region (from the
 * ledger's trace), the filing office's region when known, and why. The withdrawal is keyed by the
 * filing office's region (docs/adr/0012), so that it follows a report not yet counted; without it,
 * by the report's region, which is the same key for a report of a city's or a county's office.
 */
public record AdminWithdrawal(
    UUID reportId, String officeId, String regionCode, String officeRegion, String reason) {}
