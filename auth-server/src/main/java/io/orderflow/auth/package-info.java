/**
 * OAuth2 authorization server issuing RS256 JWTs for the client-credentials grant.
 */
package io.orderflow.auth;
