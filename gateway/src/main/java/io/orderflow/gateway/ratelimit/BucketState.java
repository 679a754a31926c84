package io.orderflow.gateway.ratelimit;

/**
 * A bucket after a request asked it for tokens.
 *
 * @param allowed whether the tokens were taken
 * @param tokensLeft the tokens in the bucket now
 */
record BucketState(boolean allowed, long tokensLeft) {

}
