/**
 * The reliability core every producer and consumer uses, without any domain: the message
 * envelope ({@code envelope}), the transactional outbox and its relay ({@code outbox}),
 * the idempotent consumer ({@code inbox}), failure classification and dead letters
 * ({@code failure}), wired by Spring Boot auto-configuration ({@code autoconfigure}).
 * Services only declare the dependency.
 */
package io.orderflow.messaging;
