package cn.shishi.aggregator.rest;

import cn.shishi.aggregator.domain.RegionScope;
import cn.shishi.aggregator.domain.TotalsQuery;
import cn.shishi.web.Caller;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** The query string of the totals endpoints (JSON, CSV, stream), read once. */
public class TotalsParams {
  @RestQuery String province;
  @RestQuery String city;
  @RestQuery String county;
  @RestQuery String program;
  @RestQuery String taskType;
  @RestQuery String from;
  @RestQuery String to;
  @RestQuery List<String> groupBy;
  @RestQuery Integer limit;
  @RestQuery Integer offset;

  /** The question, checked (422) and kept inside the caller's region (403). */
  TotalsQuery toQuery(Caller caller) {
    return RegionScope.apply(
        TotalsQueryParser.parse(
            province, city, county, program, taskType, from, to, groupBy, limit, offset),
        caller);
  }
}
