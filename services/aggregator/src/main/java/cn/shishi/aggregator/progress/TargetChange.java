package cn.shishi.aggregator.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/** One change of a target, as recorded: the quantity before (none for a new target) and after. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetChange(
    long id,
    String region,
    String program,
    String taskType,
    LocalDate from,
    LocalDate to,
    Long quantityBefore,
    long quantityAfter,
    String changedBy,
    Instant changedAt,
    String note) {}
