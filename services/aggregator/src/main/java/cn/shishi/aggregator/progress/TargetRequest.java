package cn.shishi.aggregator.progress;

/**
 * The body of {@code PUT /api/v1/targets}: a region (2, 4 or 6 digits), a program, a kind of task,
 * a period ({@code year}, or {@code from} and {@code to}), the quantity committed in the kind of
 * task's unit, and a note on why.
 */
public record TargetRequest(
    String region,
    String program,
    String taskType,
    Integer year,
    String from,
    String to,
    Long quantity,
    String note) {}
