/**
 * Per-client token buckets: one bucket per client (the token's subject, or the caller's
 * address on the token endpoint) in Redis, shared by every gateway instance, each route
 * taking its cost from it; a per-instance bucket in memory while Redis is down.
 */
package io.orderflow.gateway.ratelimit;
