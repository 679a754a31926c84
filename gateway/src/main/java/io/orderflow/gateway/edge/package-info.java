/**
 * What every request passes through before security and routing: its request id, the body
 * size limit, and the count of requests the gateway turns away.
 */
package io.orderflow.gateway.edge;
