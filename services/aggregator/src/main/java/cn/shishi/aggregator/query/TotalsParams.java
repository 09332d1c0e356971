package cn.shishi.aggregator.query;

import cn.shishi.aggregator.query.TotalsQuery.Dimension;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** The query string of the totals endpoints (JSON, CSV, stream), checked by Bean Validation. */
public class TotalsParams {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  @BeanParam @Valid FilterParams filter;

  @RestQuery
  @Pattern(regexp = "|\\d{2}", message = "{shishi.param.province}")
  String province;

  @RestQuery
  @Pattern(regexp = "|\\d{4}", message = "{shishi.param.city}")
  String city;

  @RestQuery
  @Pattern(regexp = "|\\d{6}", message = "{shishi.param.county}")
  String county;

  @RestQuery List<@Pattern(regexp = DIMENSIONS, message = UNKNOWN_DIMENSION) String> groupBy;

  @RestQuery
  @Min(value = 1, message = "{shishi.param.limit}")
  @Max(value = MAX_LIMIT, message = "{shishi.param.limit}")
  Integer limit;

  @RestQuery
  @Min(value = 0, message = "{shishi.param.offset}")
  Integer offset;

  /** One or more dimension names, separated by commas (spaces around them allowed). */
  static final String DIMENSIONS =
      "\\s*(province|city|county|program|taskType|day|month)?\\s*"
          + "(,\\s*(province|city|county|program|taskType|day|month)?\\s*)*";

  static final String UNKNOWN_DIMENSION = "{shishi.param.groupBy}";

  /** The question (not yet kept inside the caller's region: the service does that). */
  public TotalsQuery toQuery() {
    return new TotalsQuery(
        FilterParams.present(province),
        FilterParams.present(city),
        FilterParams.present(county),
        filter.program(),
        filter.taskType(),
        filter.from(),
        filter.to(),
        dimensions(),
        limit == null ? DEFAULT_LIMIT : limit,
        offset == null ? 0 : offset);
  }

  private List<Dimension> dimensions() {
    List<Dimension> dimensions = new ArrayList<>();
    if (groupBy == null) {
      return dimensions;
    }
    groupBy.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .map(name -> Dimension.ofApiName(name).orElseThrow())
        .filter(dimension -> !dimensions.contains(dimension))
        .forEach(dimensions::add);
    return dimensions;
  }
}
