/**
 * The order and product search projection over the Elasticsearch API: listeners write
 * order and product events into the {@code orders} and {@code products} indices (behind
 * aliases, with the source's version as an external version), query services answer the
 * search API, and an operator's reindex rebuilds an index from the source services and
 * swaps its alias.
 */
package io.orderflow.search;
