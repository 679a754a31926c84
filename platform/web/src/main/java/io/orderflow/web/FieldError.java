package io.orderflow.web;

/**
 * One invalid input of a request: {@code field} is the property path in the body
 * ({@code items[0].quantity}), or the parameter or header name.
 */
public record FieldError(String field, String message) {
}
