package io.healthstats.report.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A DHIS2-style period id; {@code null} is left to {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = PeriodId.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface PeriodId {

	String message() default "'${validatedValue}' is not a period id: "
			+ io.healthstats.report.document.PeriodId.FORMATS;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PeriodId, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || io.healthstats.report.document.PeriodId.isValid(value);
		}

	}

}
