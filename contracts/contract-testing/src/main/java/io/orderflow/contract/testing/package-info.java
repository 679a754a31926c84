/**
 * Golden JSON files of the published language: every message record has one, named after
 * its logical type ({@code golden/StockReserved.json}) in its contract module's test
 * resources (published as a test-jar), so the contract's own tests and every consumer's
 * tests read the same bytes.
 */
package io.orderflow.contract.testing;
