package cn.shishi.ingest.domain;

import cn.shishi.contract.report.Violation;
import java.util.List;

/** The request's body is well-formed JSON that breaks the contract; answered with 422. */
public class InvalidReportException extends RuntimeException {
  private final transient List<Violation> violations;

  public InvalidReportException(List<Violation> violations) {
    super(violations.size() + " invalid field(s)");
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
