/**
 * The use cases: charge and refund an order's payment exactly once however often they are
 * asked, and the queries behind the API. Each runs in its caller's transaction or its
 * own.
 */
package io.orderflow.payment.application;
