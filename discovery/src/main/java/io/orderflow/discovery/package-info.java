/**
 * Service registry (Eureka server) every service registers with; standalone, without
 * self-preservation, so an instance that stops renewing leaves the registry instead of
 * being kept "just in case".
 * <p>
 * Clients are meant to renew every 5 s with a lease of 10 s
 * ({@code eureka.instance.lease-renewal-interval-in-seconds=5},
 * {@code eureka.instance.lease-expiration-duration-in-seconds=10}). An instance that
 * registers and never renews is listed no more than 18 s (lease 10 s + eviction tick 5 s
 * + response cache 3 s). Eureka's lease pushes expiry to two leases after the last
 * renewal, so an instance killed after renewing stays listed 20 to 28 s after its last
 * heartbeat, 15 to 28 s after the kill. Clients that fetch the registry add their own
 * fetch interval on top.
 */
package io.orderflow.discovery;
