package cn.shishi.aggregator.office;

import java.time.LocalDate;
import java.util.Optional;

/** Which of an office's reports to read; an absent filter matches all. */
public record OfficeFilter(
    Optional<String> program,
    Optional<String> taskType,
    Optional<LocalDate> from,
    Optional<LocalDate> to) {}
