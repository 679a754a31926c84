/**
 * The outbox benchmark: a program that prints figures against a baseline measured in the
 * same run, not a test.
 */
package io.orderflow.messaging.benchmark;
