/**
 * A simulated external card-payment provider with a small Stripe-like HTTP API: charges
 * and refunds that honour idempotency keys, outcomes chosen by test token, listings per
 * order so tests can count the money at the provider, and chaos knobs. It imitates a
 * third party, so it answers in that party's error shape, not orderflow's problem+json.
 */
package io.orderflow.provider;
