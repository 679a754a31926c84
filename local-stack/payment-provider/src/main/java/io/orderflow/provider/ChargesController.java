package io.orderflow.provider;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/charges")
class ChargesController {

	private final Ledger ledger;

	private final ProviderProperties properties;

	ChargesController(Ledger ledger, ProviderProperties properties) {
		this.ledger = ledger;
		this.properties = properties;
	}

	@PostMapping
	Charge create(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
			@Valid @RequestBody ChargeRequest request) throws InterruptedException {
		Charge charge = this.ledger.charge(IdempotencyKey.require(key), request);
		if (Token.of(charge.source()).orElseThrow() == Token.SLOW) {
			// Recorded first, answered late, replays too: the money is taken although the
			// client gives up waiting, which is what its retries must not turn into a
			// second charge. A virtual thread waits here, not a platform thread.
			Thread.sleep(this.properties.slowDelay());
		}
		if (charge.status() == Charge.Status.FAILED) {
			throw ProviderException.declined(charge);
		}
		return charge;
	}

	@GetMapping
	Listing<Charge> list(@RequestParam(required = false) String orderId) {
		return new Listing<>(this.ledger.charges(orderId));
	}

	@GetMapping("/{id}")
	Charge get(@PathVariable String id) {
		return this.ledger.charge(id);
	}

}
