/**
 * The payments API under {@code /api/v1/payments}: records out, never entities; errors as
 * problem details through platform/web. Operators only (scope {@code admin}, see
 * {@code ApiScopes}).
 */
package io.orderflow.payment.web;
