/**
 * What happens when a listener fails: an explicit classification
 * ({@link io.orderflow.messaging.failure.FailureClassifier}) decides between the
 * dead-letter topic at once (permanent), retrying in place without limit (transient) and
 * a few retries before the dead-letter topic (unclassified).
 */
@NullMarked
package io.orderflow.messaging.failure;

import org.jspecify.annotations.NullMarked;
