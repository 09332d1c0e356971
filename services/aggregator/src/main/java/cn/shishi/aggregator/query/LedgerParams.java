package cn.shishi.aggregator.query;

import cn.shishi.web.PlainTextParam;
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
  @Pattern(regexp = "|\\d{2}|\\d{4}|\\d{6}", message = "{shishi.param.ledger-region}")
  String region;

  @RestQuery
  @Size(max = 128)
  @PlainTextParam
  String office;

  @RestQuery
  @Pattern(
      regexp = "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
      message = "{shishi.param.after}")
  String after;

  @RestQuery
  @Min(value = 1, message = "{shishi.param.limit}")
  @Max(value = TotalsParams.MAX_LIMIT, message = "{shishi.param.limit}")
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
