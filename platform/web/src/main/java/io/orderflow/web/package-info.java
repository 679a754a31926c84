/**
 * The HTTP edge of every servlet service: errors as RFC 9457 problem details with
 * {@code code}, {@code requestId} and {@code traceId}, the {@code X-Request-ID} header,
 * and the request size limit. Knows no domain.
 */
package io.orderflow.web;
