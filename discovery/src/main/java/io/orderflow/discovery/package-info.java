/**
 * Service registry (Eureka server) every service registers with.
 */
package io.orderflow.discovery;
