/**
 * The payments API under {@code /api/v1/payments}: records out, never entities; errors as
 * problem details through platform/web.
 */
package io.orderflow.payment.web;
