/**
 * Customer notifications for order events, stored in MongoDB and streamed over SSE.
 */
package io.orderflow.notification;
