package cn.shishi.web;

import cn.shishi.contract.report.Violation;
import java.util.List;
import java.util.OptionalLong;

/** A request that is well-formed but breaks the contract; answered 422 with every field. */
public class InvalidRequestException extends ProblemException {
  public InvalidRequestException(List<Violation> errors) {
    super(
        Problem.UNPROCESSABLE,
        Problem.INVALID_REQUEST,
        key(errors.size()),
        List.of(errors.size()),
        errors,
        OptionalLong.empty(),
        null);
  }

  static String key(int errors) {
    return errors == 1 ? "problem.invalid.one" : "problem.invalid.many";
  }

  public InvalidRequestException(String pointer, String key, Object... args) {
    this(List.of(new Violation(pointer, key, args)));
  }
}
