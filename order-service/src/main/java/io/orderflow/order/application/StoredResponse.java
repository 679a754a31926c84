package io.orderflow.order.application;

/**
 * The HTTP response to a placement, kept so that a retry gets it byte for byte.
 *
 * @param location the {@code Location} header
 * @param body the JSON body as sent
 */
public record StoredResponse(int status, String location, String body) {
}
