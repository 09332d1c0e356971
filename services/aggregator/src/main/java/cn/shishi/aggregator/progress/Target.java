package cn.shishi.aggregator.progress;

import java.time.Instant;
import java.time.LocalDate;

/** A commitment as it stands: its key, the quantity, who set it last and when. */
public record Target(
    String region,
    String program,
    String taskType,
    LocalDate from,
    LocalDate to,
    long quantity,
    String unit,
    String setBy,
    Instant setAt) {}
