/**
 * The idempotent consumer: {@link io.orderflow.messaging.inbox.Inbox} runs a listener's
 * side effects and the record of the message id in one transaction, once per message.
 */
@NullMarked
package io.orderflow.messaging.inbox;

import org.jspecify.annotations.NullMarked;
