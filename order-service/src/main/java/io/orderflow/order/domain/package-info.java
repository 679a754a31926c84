/**
 * The order aggregate and its values in plain Java: guarded transitions from PENDING to
 * CONFIRMED or CANCELLED, and the fingerprint that makes a placement request idempotent.
 */
package io.orderflow.order.domain;
