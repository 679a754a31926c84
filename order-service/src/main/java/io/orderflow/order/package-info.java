/**
 * Orders and the place-order saga that orchestrates inventory and payment.
 */
package io.orderflow.order;
