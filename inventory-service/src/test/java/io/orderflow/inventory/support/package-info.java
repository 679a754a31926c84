/**
 * What the integration tests share: one application context on real Kafka and PostgreSQL,
 * and outside views of the service (commands sent as the saga sends them, the events
 * topic read as a consumer reads it, the HTTP API called as a client calls it).
 */
package io.orderflow.inventory.support;
