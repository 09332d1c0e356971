package cn.shishi.aggregator.query;

import cn.shishi.catalog.CatalogEntry;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The filters the totals, the drill-down and the ledger share, read the same way: an absent or
 * empty value is no filter; a malformed one is a 422 at {@code /name}, all of them at once.
 */
@FilterParams.DaysInOrder
public class FilterParams {
  /** A catalogue code, as the catalogue itself checks one, or empty. */
  static final String CODE =
      "|(?=.{1," + CatalogEntry.MAX_CODE_LENGTH + "}$)" + CatalogEntry.CODE_PATTERN;

  @RestQuery
  @Pattern(regexp = CODE, message = "{shishi.param.code}")
  String program;

  @RestQuery
  @Pattern(regexp = CODE, message = "{shishi.param.code}")
  String taskType;

  @RestQuery @IsoDay String from;

  @RestQuery @IsoDay String to;

  public Optional<String> program() {
    return present(program);
  }

  public Optional<String> taskType() {
    return present(taskType);
  }

  public Optional<LocalDate> from() {
    return Optional.ofNullable(IsoDay.Validator.parse(from));
  }

  public Optional<LocalDate> to() {
    return Optional.ofNullable(IsoDay.Validator.parse(to));
  }

  static Optional<String> present(String value) {
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** {@code from} no later than {@code to}; reported at {@code /from}. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = DaysInOrder.Validator.class)
  public @interface DaysInOrder {
    String message() default "{shishi.param.from}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Leaves malformed days to {@link IsoDay}. */
    class Validator implements ConstraintValidator<DaysInOrder, FilterParams> {
      @Override
      public boolean isValid(FilterParams params, ConstraintValidatorContext context) {
        try {
          LocalDate from = IsoDay.Validator.parse(params.from);
          LocalDate to = IsoDay.Validator.parse(params.to);
          if (from == null || to == null || !from.isAfter(to)) {
            return true;
          }
        } catch (java.time.format.DateTimeParseException e) {
          return true;
        }
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
            .addPropertyNode("from")
            .addConstraintViolation();
        return false;
      }
    }
  }
}
