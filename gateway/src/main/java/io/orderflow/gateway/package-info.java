/**
 * The only door in: routing, JWT validation, rate limits, circuit breakers.
 */
package io.orderflow.gateway;
