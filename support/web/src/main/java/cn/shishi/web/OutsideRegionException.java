package cn.shishi.web;

import cn.shishi.contract.report.Violation;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.OptionalLong;

/** The request names regions outside the caller's region claim: 403, listing where. */
public class OutsideRegionException extends ProblemException {
  public OutsideRegionException(String region, List<Violation> errors) {
    super(
        Response.Status.FORBIDDEN,
        "outside-region",
        "problem.outside-region",
        List.of(region),
        errors,
        OptionalLong.empty(),
        null);
  }
}
