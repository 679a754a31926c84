/**
 * The only door in: routes every public path to its service by name through Eureka, after
 * checking the caller's token and scope, its rate limit and the request's size, and
 * answers every failure of its own as a problem detail.
 */
package io.orderflow.gateway;
