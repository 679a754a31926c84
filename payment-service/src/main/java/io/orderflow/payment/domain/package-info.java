/**
 * Payments as plain Java: one per order, what the provider's answers make of it, and the
 * ports to its storage, its attempt log and the provider.
 */
package io.orderflow.payment.domain;
