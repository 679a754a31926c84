/**
 * The saga benchmark, a program run with
 * {@code ./mvnw -q -pl system-tests -am -Pbenchmark test -DskipTests}: the place-order
 * saga on the embedded stack against four plain Kafka hops on the same broker.
 */
package io.orderflow.systemtests.benchmark;
