package io.orderflow.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.orderflow.contract.payment.ChargePayment;
import io.orderflow.contract.payment.PaymentCharged;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.payment.domain.PaymentAttempts;
import io.orderflow.payment.support.PaymentFlowTest;
import io.orderflow.payment.support.ProviderSimulator.Simulator;
import io.orderflow.payment.support.Saga;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

import static io.orderflow.payment.ChargePaymentFlowIT.charge;
import static io.orderflow.payment.ChargePaymentFlowIT.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands that can never be executed go to {@code payment.commands-dlt} at once, as they
 * came, and the partition moves on: the good command behind them (same key, same
 * partition) is still executed.
 */
@PaymentFlowTest
class DeadLetterFlowIT {

	@Autowired
	Saga saga;

	@Autowired
	PaymentAttempts attempts;

	@Test
	void deadLettersAMalformedRecordAndAnUnknownTypeAndGoesOn() {
		String orderId = newOrderId();
		UUID malformed = UUID.randomUUID();
		UUID unknown = UUID.randomUUID();

		this.saga.sendRaw(orderId, "ChargePayment", "{\"orderId\": ".getBytes(StandardCharsets.UTF_8), malformed);
		this.saga.sendRaw(orderId, "CapturePayment", "{}".getBytes(StandardCharsets.UTF_8), unknown);
		this.saga.send(charge(orderId, "tok_visa"));

		this.saga.awaitEvent(orderId, PaymentCharged.class);
		ConsumerRecord<String, byte[]> malformedLetter = this.saga.awaitDeadLetter(orderId, malformed);
		assertThat(new String(malformedLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\": ");
		ConsumerRecord<String, byte[]> unknownLetter = this.saga.awaitDeadLetter(orderId, unknown);
		assertThat(Envelope.text(unknownLetter.headers(), Envelope.MESSAGE_TYPE)).isEqualTo("CapturePayment");
	}

	@Test
	void deadLettersAChargeThatCanNeverBeMadeWithoutCallingTheProvider(Simulator provider) {
		String orderId = newOrderId();

		UUID zero = this.saga.send(new ChargePayment(orderId, "c-1", BigDecimal.ZERO, "EUR", "tok_visa"));
		UUID badCurrency = this.saga.send(new ChargePayment(orderId, "c-1", new BigDecimal("10.00"), "EU", "tok_visa"));
		this.saga.send(charge(orderId, "tok_visa"));

		this.saga.awaitEvent(orderId, PaymentCharged.class);
		assertThat(failure(this.saga.awaitDeadLetter(orderId, zero))).contains("amount must be positive");
		assertThat(failure(this.saga.awaitDeadLetter(orderId, badCurrency))).contains("three-letter ISO code");
		assertThat(provider.charges(orderId)).hasSize(1);
		assertThat(this.attempts.forOrder(orderId)).hasSize(1);
	}

	private static String failure(ConsumerRecord<String, byte[]> deadLetter) {
		return Envelope.text(deadLetter.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE);
	}

}
