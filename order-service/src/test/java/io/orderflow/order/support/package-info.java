/**
 * Test support shared by the unit and integration tests.
 */
package io.orderflow.order.support;
