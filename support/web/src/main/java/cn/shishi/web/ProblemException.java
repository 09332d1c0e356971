package cn.shishi.web;

import cn.shishi.contract.Messages;
import cn.shishi.contract.report.Violation;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A request the service refuses, as a problem detail whose text is chosen in the caller's language
 * when it is answered ({@link ProblemMappers}). Its message, for logs, is the English text.
 */
public class ProblemException extends RuntimeException {
  private final transient Response.StatusType status;
  private final String slug;
  private final String key;
  private final transient List<Object> args;
  private final transient List<Violation> errors;
  private final transient OptionalLong retryAfterSeconds;

  public ProblemException(Response.StatusType status, String slug, String key, Object... args) {
    this(status, slug, key, Arrays.asList(args), List.of(), OptionalLong.empty(), null);
  }

  protected ProblemException(
      Response.StatusType status,
      String slug,
      String key,
      List<Object> args,
      List<Violation> errors,
      OptionalLong retryAfterSeconds,
      Throwable cause) {
    super(Messages.text(Messages.ENGLISH, key, args), cause, false, false);
    this.status = status;
    this.slug = slug;
    this.key = key;
    this.args = List.copyOf(args);
    this.errors = List.copyOf(errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The same refusal, answered with a {@code Retry-After} of the given seconds. */
  public ProblemException(
      Response.StatusType status, String slug, long retryAfterSeconds, String key, Object... args) {
    this(
        status,
        slug,
        key,
        Arrays.asList(args),
        List.of(),
        OptionalLong.of(retryAfterSeconds),
        null);
  }

  public Response.StatusType status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String detail(Locale locale) {
    return Messages.text(locale, key, args);
  }

  /** The fields or parameters at fault, if the refusal names any. */
  public List<Violation> errors() {
    return errors;
  }

  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
