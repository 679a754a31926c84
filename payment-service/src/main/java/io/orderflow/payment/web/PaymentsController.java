package io.orderflow.payment.web;

import java.util.UUID;

import io.orderflow.payment.application.PaymentManagement;
import io.orderflow.web.ApiProblem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentsController {

	static final String PAYMENT_NOT_FOUND = "PAYMENT_NOT_FOUND";

	private final PaymentManagement payments;

	PaymentsController(PaymentManagement payments) {
		this.payments = payments;
	}

	/** The order's payment, if it has one: a list of none or one. */
	@GetMapping
	Items<PaymentResponse> forOrder(@RequestParam String orderId) {
		return new Items<>(this.payments.forOrder(orderId).stream().map(PaymentResponse::of).toList());
	}

	@GetMapping("/{paymentId}")
	PaymentResponse payment(@PathVariable UUID paymentId) {
		return this.payments.find(paymentId).map(PaymentResponse::of).orElseThrow(() -> notFound(paymentId));
	}

	/** Every call made to the provider for the payment's order, oldest first. */
	@GetMapping("/{paymentId}/attempts")
	Items<AttemptResponse> attempts(@PathVariable UUID paymentId) {
		return this.payments.attempts(paymentId)
			.map((attempts) -> new Items<>(attempts.stream().map(AttemptResponse::of).toList()))
			.orElseThrow(() -> notFound(paymentId));
	}

	private static ApiProblem notFound(UUID paymentId) {
		return ApiProblem.notFound(PAYMENT_NOT_FOUND, "No payment " + paymentId).with("paymentId", paymentId);
	}

}
