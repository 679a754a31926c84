/**
 * Every servlet service as an OAuth2 resource server: it validates the caller's JWT
 * itself (signature against the auth-server's key set, issuer, expiry) rather than
 * trusting the gateway, answers 401 and 403 as problem details, and lets each service
 * state which scope each of its endpoints needs in one
 * {@link io.orderflow.web.security.ApiAccess} bean. Controllers learn who calls through
 * {@link io.orderflow.web.security.CurrentClient}.
 */
package io.orderflow.web.security;
