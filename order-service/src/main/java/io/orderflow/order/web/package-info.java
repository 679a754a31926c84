/**
 * The orders API under {@code /api/v1/orders}: placing an order (idempotent per
 * {@code Idempotency-Key}), reading one, listing them newest first, and an order's saga.
 * Errors are problem details rendered by platform/web.
 * <p>
 * Placing an order does not check its skus: order-service never calls inventory. An order
 * for a product that does not exist is accepted like any other and ends CANCELLED with
 * reason {@code UNKNOWN_PRODUCT} once inventory has said so, a moment later.
 * <p>
 * Resuming a parked saga ({@code POST /api/v1/orders/{id}/saga/resume}) is an operator's
 * action; it will require the {@code admin} scope once requests are authenticated.
 */
package io.orderflow.order.web;
