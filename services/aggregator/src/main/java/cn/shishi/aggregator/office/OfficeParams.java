package cn.shishi.aggregator.office;

import cn.shishi.aggregator.query.FilterParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/** The query string of an office's list of reports, checked by Bean Validation. */
public class OfficeParams {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  @BeanParam @Valid FilterParams filter;

  @RestQuery
  @Pattern(regexp = "|-?\\d{1,19}_[0-9a-fA-F-]{36}", message = "{shishi.param.before}")
  String before;

  @RestQuery
  @Min(value = 1, message = "{shishi.param.office-limit}")
  @Max(value = MAX_LIMIT, message = "{shishi.param.office-limit}")
  Integer limit;

  OfficeFilter toFilter() {
    return new OfficeFilter(filter.program(), filter.taskType(), filter.from(), filter.to());
  }

  Optional<OfficeCursor> cursor() {
    return OfficeCursor.parse(before);
  }

  int pageSize() {
    return limit == null ? DEFAULT_LIMIT : limit;
  }
}
