/**
 * Payments against an external provider, one per order, every attempt recorded.
 */
package io.orderflow.payment;
