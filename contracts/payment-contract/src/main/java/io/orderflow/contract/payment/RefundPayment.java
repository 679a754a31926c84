package io.orderflow.contract.payment;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Refund whatever the order was charged; a no-op when it was never charged. */
@JsonTypeName("RefundPayment")
public record RefundPayment(String orderId, String reason) implements PaymentCommand {
}
