package dev.scenariohub.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text people will read: at least one visible character (a letter, digit, punctuation
 * mark or symbol, not only spaces, zero-width or blank characters), no control characters
 * and no bidirectional overrides that would show it in another order than it is stored.
 * Titles and names are one line; {@code multiline} texts may also hold line breaks and
 * tabs. {@code null} is valid (use {@code @NotNull} where it is required).
 */
@Documented
@Constraint(validatedBy = VisibleTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

	/** Whether line breaks and tabs are allowed. */
	boolean multiline() default false;

	String message() default "must be visible text, without control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
