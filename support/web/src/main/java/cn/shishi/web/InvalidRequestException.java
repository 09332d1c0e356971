package cn.shishi.web;

import java.util.List;

/** A request that is well-formed but breaks the contract; answered 422 with every field. */
public class InvalidRequestException extends RuntimeException {
  private final transient List<Problem.FieldError> errors;

  public InvalidRequestException(List<Problem.FieldError> errors) {
    super(errors.size() + " invalid field(s)");
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String pointer, String detail) {
    this(List.of(new Problem.FieldError(pointer, detail)));
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
