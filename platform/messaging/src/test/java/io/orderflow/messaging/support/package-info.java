/**
 * What the integration tests share: a small application using the module as a service
 * would, its test messages, and helpers to read topics and start extra instances.
 */
package io.orderflow.messaging.support;
