/**
 * Spring Boot auto-configuration: Kafka defaults and envelope deserialization for every
 * service, the listeners' error handling and dead-letter topics, and, where the service
 * has a database, the outbox, its relay, the inbox and their schema.
 */
@NullMarked
package io.orderflow.messaging.autoconfigure;

import org.jspecify.annotations.NullMarked;
