/**
 * Messages of the payment context (records grouped by a sealed interface per topic).
 * Filled by the saga issue; additive changes only, each record with a golden JSON file in
 * the tests.
 */
package io.orderflow.contract.payment;
