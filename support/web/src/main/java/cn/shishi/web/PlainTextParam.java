package cn.shishi.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A free-text parameter or field a person writes (a note, a reason, a filter): {@link
 * cn.shishi.contract.PlainText}, which PostgreSQL can store and a screen can show. Without it a NUL
 * reaches the database, which refuses the statement: a 500 instead of a 422, and in a re-drive,
 * after the record was sent. Null is valid. The message key is each service's {@code
 * ValidationMessages}.
 */
@Documented
@Constraint(validatedBy = PlainTextParam.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface PlainTextParam {
  String message() default "{shishi.param.plain-text}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the annotated text. */
  class Validator implements jakarta.validation.ConstraintValidator<PlainTextParam, String> {
    @Override
    public boolean isValid(String value, jakarta.validation.ConstraintValidatorContext context) {
      return value == null || cn.shishi.contract.PlainText.isPlainText(value);
    }
  }
}
