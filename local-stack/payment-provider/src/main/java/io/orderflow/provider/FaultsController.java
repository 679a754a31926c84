package io.orderflow.provider;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin side of {@link FaultInjection}, under {@code /__admin} like WireMock's. */
@RestController
@RequestMapping("/__admin/faults")
class FaultsController {

	private final FaultInjection injection;

	FaultsController(FaultInjection injection) {
		this.injection = injection;
	}

	@GetMapping
	Faults current() {
		return this.injection.faults();
	}

	@PostMapping
	Faults set(@Valid @RequestBody Faults faults) {
		this.injection.set(faults);
		return faults;
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear() {
		this.injection.set(Faults.NONE);
	}

}
