/**
 * The external card provider over HTTP (Stripe-like API, idempotency keys), guarded by
 * Resilience4j, with every call recorded in the attempt log.
 */
package io.orderflow.payment.provider;
