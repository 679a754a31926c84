/**
 * The order and product search projection over the Elasticsearch API.
 */
package io.orderflow.search;
