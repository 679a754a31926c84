/**
 * Real infrastructure for tests: Kafka, PostgreSQL, MongoDB, a search engine speaking the
 * Elasticsearch API, Redis, an in-memory trace sink and the key set of test access tokens
 * ({@link io.orderflow.testinfra.TestTokens}), each started once per test JVM on first
 * use and shared. Testcontainers runs them where a Docker engine is available, the
 * embedded {@code local-stack} nodes otherwise
 * ({@link io.orderflow.testinfra.InfrastructureMode}).
 */
package io.orderflow.testinfra;
