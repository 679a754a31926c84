/**
 * Real infrastructure for tests: Kafka, PostgreSQL, MongoDB, a search engine speaking the
 * Elasticsearch API, Redis and an in-memory trace sink, each started once per test JVM on
 * first use and shared. Testcontainers runs them where a Docker engine is available, the
 * embedded {@code local-stack} nodes otherwise
 * ({@link io.orderflow.testinfra.InfrastructureMode}).
 */
package io.orderflow.testinfra;
