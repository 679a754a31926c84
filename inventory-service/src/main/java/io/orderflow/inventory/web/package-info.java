/**
 * The HTTP API under {@code /api/v1}: the catalogue ({@code /products}) and, for
 * operators and tests, reservations ({@code /reservations}). Errors are problem details
 * from platform/web. Every request carries an access token: reading the catalogue needs
 * {@code products:read}; writes and reservations are operators' routes (scope
 * {@code admin}), checked here ({@code ApiScopes}) as at the gateway.
 */
package io.orderflow.inventory.web;
