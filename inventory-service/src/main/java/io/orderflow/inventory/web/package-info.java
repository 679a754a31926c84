/**
 * The HTTP API under {@code /api/v1}: the catalogue ({@code /products}) and, for
 * operators and tests, reservations ({@code /reservations}). Errors are problem details
 * from platform/web. Writes and reservations are admin routes; the gateway will require
 * the {@code admin} scope for them (a later issue).
 */
package io.orderflow.inventory.web;
