package cn.shishi.web;

import java.util.List;

/** The request names regions outside the caller's region claim: 403, listing where. */
public class OutsideRegionException extends RuntimeException {
  private final String region;
  private final transient List<Problem.FieldError> errors;

  public OutsideRegionException(String region, List<Problem.FieldError> errors) {
    super("outside region " + region);
    this.region = region;
    this.errors = List.copyOf(errors);
  }

  public String region() {
    return region;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
