/**
 * Who may call what: bearer tokens from the auth-server checked against its key set, the
 * scope each public path needs, CORS for the allowed browser origins, and the security
 * headers on every response. Refusals are problem details that keep the
 * {@code WWW-Authenticate} header of RFC 6750.
 */
package io.orderflow.gateway.security;
