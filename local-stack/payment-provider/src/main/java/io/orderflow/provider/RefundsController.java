package io.orderflow.provider;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/refunds")
class RefundsController {

	private final Ledger ledger;

	RefundsController(Ledger ledger) {
		this.ledger = ledger;
	}

	@PostMapping
	Refund create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
			@Valid @RequestBody RefundRequest request) {
		return this.ledger.refund(IdempotencyKey.require(key), request);
	}

	@GetMapping
	Listing<Refund> list(@RequestParam(required = false) String orderId) {
		return new Listing<>(this.ledger.refunds(orderId));
	}

}
