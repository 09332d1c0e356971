package cn.shishi.aggregator.query;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;

/** The query string of the ledger's list, checked by Bean Validation. */
public class LedgerParams {
  @BeanParam @Valid FilterParams filter;

  @RestQuery
  @Pattern(regexp = "|\\d{2}|\\d{4}|\\d{6}", message = "a 2-, 4- or 6-digit region code")
  String region;

  @RestQuery
  @Size(max = 128)
  String office;

  @RestQuery
  @Pattern(
      regexp = "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
      message = "must be a reportId from the previous page")
  String after;

  @RestQuery
  @Min(value = 1, message = "must be between 1 and " + TotalsParams.MAX_LIMIT)
  @Max(value = TotalsParams.MAX_LIMIT, message = "must be between 1 and " + TotalsParams.MAX_LIMIT)
  Integer limit;

  LedgerQueries.Filter toFilter() {
    return new LedgerQueries.Filter(
        FilterParams.present(region),
        filter.program(),
        filter.taskType(),
        filter.from(),
        filter.to(),
        FilterParams.present(office),
        FilterParams.present(after).map(UUID::fromString));
  }

  int pageSize() {
    return limit == null ? TotalsParams.DEFAULT_LIMIT : limit;
  }
}
