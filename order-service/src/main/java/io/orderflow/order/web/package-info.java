/**
 * The orders API under {@code /api/v1/orders}: placing an order (idempotent per
 * {@code Idempotency-Key}), reading one, listing them newest first, and an order's saga.
 * Errors are problem details rendered by platform/web.
 * <p>
 * Placing an order does not check its skus: order-service never calls inventory. An order
 * for a product that does not exist is accepted like any other and ends CANCELLED with
 * reason {@code UNKNOWN_PRODUCT} once inventory has said so, a moment later.
 * <p>
 * Every request carries an access token; {@code ApiScopes} says which scope each endpoint
 * needs. A client sees only the orders it placed (another client's order is not found),
 * and its idempotency keys are its own. Resuming a parked saga ({@code POST
 * /api/v1/orders/{id}/saga/resume}) is an operator's action (scope {@code admin});
 * operators also read and list every client's orders.
 */
package io.orderflow.order.web;
