package cn.shishi.aggregator.period;

/** The body of a reopening: why the published figures no longer stand. */
public record ReopenRequest(String reason) {}
