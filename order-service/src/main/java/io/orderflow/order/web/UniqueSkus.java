package io.orderflow.order.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Each sku at most once per order: the error names the repeating item
 * ({@code items[2].sku}), so a client sees which line to merge.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UniqueSkus.Validator.class)
@interface UniqueSkus {

	String message() default "repeats the sku of an earlier item; put the whole quantity on one item";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<UniqueSkus, List<PlaceOrderRequest.Item>> {

		@Override
		public boolean isValid(List<PlaceOrderRequest.Item> items, ConstraintValidatorContext context) {
			if (items == null) {
				return true;
			}
			Set<String> seen = new HashSet<>();
			boolean valid = true;
			for (int i = 0; i < items.size(); i++) {
				PlaceOrderRequest.Item item = items.get(i);
				if (item != null && item.sku() != null && !seen.add(item.sku())) {
					if (valid) {
						context.disableDefaultConstraintViolation();
						valid = false;
					}
					// The default message, never one with the sku in it: a message
					// template is interpreted, and a sku is the client's text.
					context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
						.addPropertyNode("sku")
						.inIterable()
						.atIndex(i)
						.addConstraintViolation();
				}
			}
			return valid;
		}

	}

}
