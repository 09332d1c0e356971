package cn.shishi.aggregator.query;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A day as a query parameter: {@code YYYY-MM-DD} with a four-digit year, a real date, or empty (no
 * filter). A year of more digits would pass the JDK's parser and fail in PostgreSQL.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDay.Validator.class)
public @interface IsoDay {
  String message() default "{shishi.param.day}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the text; {@link #parse} reads the day. */
  class Validator implements ConstraintValidator<IsoDay, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isEmpty()) {
        return true;
      }
      try {
        parse(value);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }

    /** The day of a valid value; null when it is absent or empty. */
    public static LocalDate parse(String value) {
      if (value == null || value.isEmpty()) {
        return null;
      }
      if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
      }
      return LocalDate.parse(value);
    }
  }
}
