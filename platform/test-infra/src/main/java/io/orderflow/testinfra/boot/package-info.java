/**
 * Spring Boot wiring of the test infrastructure: the test-context customizer behind
 * {@link io.orderflow.testinfra.RealInfrastructure} and the Elasticsearch client's
 * compatibility with OpenSearch.
 */
package io.orderflow.testinfra.boot;
