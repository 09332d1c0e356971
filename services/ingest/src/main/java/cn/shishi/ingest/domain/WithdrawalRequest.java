package cn.shishi.ingest.domain;

/** The body of {@code POST /api/v1/reports/{reportId}/withdrawal}. */
public record WithdrawalRequest(String reason) {}
