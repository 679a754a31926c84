package io.orderflow.payment.messaging;

import io.orderflow.contract.payment.ChargePayment;
import io.orderflow.contract.payment.PaymentCharged;
import io.orderflow.contract.payment.PaymentCommand;
import io.orderflow.contract.payment.PaymentDeclined;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.contract.payment.PaymentRefunded;
import io.orderflow.contract.payment.RefundPayment;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import io.orderflow.messaging.inbox.Inbox;
import io.orderflow.messaging.outbox.Outbox;
import io.orderflow.payment.application.PaymentManagement;
import io.orderflow.payment.domain.ChargeOutcome;
import io.orderflow.payment.domain.ChargeRequest;
import io.orderflow.payment.domain.InvalidPaymentRequest;
import io.orderflow.payment.domain.RefundOutcome;
import io.orderflow.payment.domain.RefundRefused;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Executes the saga's payment commands, each once (the inbox), and answers on
 * {@code payment.events} keyed by the order (the outbox, in the same transaction).
 * Redelivered or repeated commands are answered again from the stored payment.
 */
@Component
class PaymentCommandsListener {

	static final String GROUP = "payment-service";

	private final Inbox inbox;

	private final Outbox outbox;

	private final PaymentManagement payments;

	PaymentCommandsListener(Inbox inbox, Outbox outbox, PaymentManagement payments) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.payments = payments;
	}

	@KafkaListener(topics = PaymentCommand.TOPIC, groupId = GROUP)
	void on(ConsumerRecord<String, PaymentCommand> record) {
		this.inbox.receive(record, (command) -> {
			switch (command) {
				case ChargePayment charge -> on(charge);
				case RefundPayment refund -> on(refund);
			}
		});
	}

	private void on(ChargePayment command) {
		ChargeRequest request;
		try {
			request = new ChargeRequest(command.orderId(), command.customerId(), command.amount(), command.currency(),
					command.paymentToken());
		}
		catch (InvalidPaymentRequest ex) {
			throw new PermanentMessageFailure(ex.getMessage(), ex);
		}
		publish(command.orderId(), switch (this.payments.charge(request)) {
			case ChargeOutcome.Charged charged -> new PaymentCharged(charged.orderId(), charged.paymentId().toString(),
					charged.amount(), charged.currency(), charged.providerChargeId());
			case ChargeOutcome.Declined declined -> new PaymentDeclined(declined.orderId(),
					declined.paymentId().toString(), declined.reason(), declined.declineCode());
		});
	}

	private void on(RefundPayment command) {
		if (command.orderId() == null || command.orderId().isBlank()) {
			throw new PermanentMessageFailure("A refund needs an orderId");
		}
		RefundOutcome refund;
		try {
			refund = this.payments.refund(command.orderId(), command.reason());
		}
		catch (RefundRefused ex) {
			throw new PermanentMessageFailure(ex.getMessage(), ex);
		}
		publish(command.orderId(), new PaymentRefunded(refund.orderId(), refund.paymentId().toString(), refund.amount(),
				refund.currency(), refund.providerRefundId()));
	}

	private void publish(String orderId, PaymentEvent event) {
		this.outbox.send(PaymentEvent.TOPIC, orderId, event);
	}

}
