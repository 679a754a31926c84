/**
 * Every answer the gateway makes up itself is an RFC 9457 problem detail shaped like the
 * services' own: an unknown path, an oversized body, a rate limit, or a service that is
 * gone, failing or slow (the circuit breakers' fallback). What went wrong, for which
 * request and trace; never how.
 */
package io.orderflow.gateway.problem;
