/**
 * What the flow tests share: one application context on real Kafka and PostgreSQL, the
 * real provider simulator in its own process, and a stand-in for the saga that sends
 * commands and reads answers.
 */
package io.orderflow.payment.support;
