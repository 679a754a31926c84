package io.orderflow.payment;

import java.math.BigDecimal;
import java.util.List;

import io.orderflow.contract.payment.PaymentCharged;
import io.orderflow.contract.payment.PaymentDeclined;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.contract.payment.PaymentRefunded;
import io.orderflow.contract.payment.RefundPayment;
import io.orderflow.payment.application.PaymentManagement;
import io.orderflow.payment.domain.PaymentAttempts;
import io.orderflow.payment.domain.PaymentStatus;
import io.orderflow.payment.support.PaymentFlowTest;
import io.orderflow.payment.support.ProviderSimulator.Simulator;
import io.orderflow.payment.support.Saga;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.orderflow.payment.ChargePaymentFlowIT.charge;
import static io.orderflow.payment.ChargePaymentFlowIT.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RefundPayment, the saga's compensation: money back once for a charged order, nothing
 * for one never charged, and a charge arriving after the refund is declined without ever
 * reaching the provider.
 */
@PaymentFlowTest
class RefundPaymentFlowIT {

	@Autowired
	Saga saga;

	@Autowired
	PaymentManagement payments;

	@Autowired
	PaymentAttempts attempts;

	@Test
	void refundsAChargeAtTheProviderOnceAndAnswersWithTheAmount(Simulator provider) {
		String orderId = newOrderId();
		this.saga.send(charge(orderId, "tok_visa"));
		PaymentCharged charged = this.saga.awaitEvent(orderId, PaymentCharged.class);

		this.saga.send(new RefundPayment(orderId, "TIMEOUT"));
		this.saga.send(new RefundPayment(orderId, "TIMEOUT"));

		List<PaymentEvent> events = this.saga.awaitEvents(orderId, 3);
		assertThat(events).hasSize(3);
		PaymentRefunded refunded = (PaymentRefunded) events.get(1);
		assertThat(events.get(2)).as("a repeated refund is answered again").isEqualTo(refunded);
		assertThat(refunded.paymentId()).isEqualTo(charged.paymentId());
		assertThat(refunded.amount()).isEqualByComparingTo("44.99");
		assertThat(refunded.currency()).isEqualTo("EUR");
		assertThat(provider.refunds(orderId)).singleElement().satisfies((refund) -> {
			assertThat(refund.id()).isEqualTo(refunded.providerRefundId());
			assertThat(refund.charge()).isEqualTo(charged.providerChargeId());
			assertThat(refund.idempotencyKey()).isEqualTo("refund-" + orderId);
		});
		assertThat(provider.charges(orderId)).singleElement().satisfies((charge) -> {
			assertThat(charge.amountRefunded()).as("net zero at the provider").isEqualByComparingTo(charge.amount());
			assertThat(charge.refunded()).isTrue();
		});
		assertThat(this.payments.forOrder(orderId)).singleElement().satisfies((payment) -> {
			assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
			assertThat(payment.refundedAmount()).isEqualByComparingTo("44.99");
			assertThat(payment.refundReason()).isEqualTo("TIMEOUT");
		});
	}

	@Test
	void refundsNothingForAnOrderNeverChargedAndDeclinesItsLaterCharge(Simulator provider) {
		String orderId = newOrderId();

		this.saga.send(new RefundPayment(orderId, "TIMEOUT"));
		PaymentRefunded refunded = this.saga.awaitEvent(orderId, PaymentRefunded.class);
		this.saga.send(charge(orderId, "tok_visa"));

		List<PaymentEvent> events = this.saga.awaitEvents(orderId, 2);
		assertThat(refunded.amount()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(refunded.providerRefundId()).isNull();
		assertThat(events.get(1)).isInstanceOfSatisfying(PaymentDeclined.class, (declined) -> {
			assertThat(declined.reason()).isEqualTo("ORDER_CANCELLED");
			assertThat(declined.paymentId()).isEqualTo(refunded.paymentId());
		});
		assertThat(provider.charges(orderId)).isEmpty();
		assertThat(this.attempts.forOrder(orderId)).as("the provider was never called").isEmpty();
	}

	@Test
	void refundsNothingForADeclinedCard(Simulator provider) {
		String orderId = newOrderId();
		this.saga.send(charge(orderId, "tok_chargeDeclined"));
		this.saga.awaitEvent(orderId, PaymentDeclined.class);

		this.saga.send(new RefundPayment(orderId, "PAYMENT_DECLINED"));

		PaymentRefunded refunded = (PaymentRefunded) this.saga.awaitEvents(orderId, 2).get(1);
		assertThat(refunded.amount()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(provider.refunds(orderId)).isEmpty();
		assertThat(this.payments.forOrder(orderId)).singleElement()
			.satisfies((payment) -> assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED));
	}

}
