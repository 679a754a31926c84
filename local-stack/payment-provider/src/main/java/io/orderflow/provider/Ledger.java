package io.orderflow.provider;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import io.orderflow.provider.Recorded.ChargeRecorded;
import io.orderflow.provider.Recorded.RefundRecorded;

/**
 * The provider's books: charges, refunds and the idempotency key that produced each.
 * <p>
 * A key is claimed with {@link ConcurrentHashMap#compute}, so requests carrying the same
 * key are serialised on it: the first executes and records its outcome, the others find
 * the record and get the same answer, and a key never makes a second charge. Nothing slow
 * happens inside (the slow token waits after its charge is recorded), so other keys are
 * never held up for more than the journal's append. Only outcomes are recorded (a charge,
 * succeeded or declined, and a refund); a request refused as invalid or failed by a fault
 * records nothing, as with Stripe, so retrying it is free.
 * <p>
 * Everything recorded is written to the {@link Journal} before it becomes visible, so
 * with a data directory a restart forgets nothing the provider answered. Without one it
 * lives in memory and a restart forgets every charge: fine for tests, which start a fresh
 * provider, but not for the stack, whose payment-service database survives restarts.
 */
final class Ledger {

	private static final String ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private final ConcurrentHashMap<String, Recorded> keys = new ConcurrentHashMap<>();

	private final Map<String, Charge> charges = new ConcurrentHashMap<>();

	private final Map<String, Refund> refunds = new ConcurrentHashMap<>();

	/**
	 * Held while a refund checks and reduces what is left of a charge, so refunds with
	 * different keys never add up to more than was charged. Refunds are rare; one lock
	 * for all of them costs nothing.
	 */
	private final Lock refunding = new ReentrantLock();

	private final Journal journal;

	private final Clock clock;

	private Ledger(Journal journal, Clock clock) {
		this.journal = journal;
		this.clock = clock;
	}

	/** The ledger as the journal left it. */
	static Ledger open(Journal journal, Clock clock) {
		Ledger ledger = new Ledger(journal, clock);
		for (Recorded recorded : journal.replay()) {
			ledger.keys.put(keyOf(recorded), recorded);
			ledger.apply(recorded);
		}
		return ledger;
	}

	/**
	 * Charges once per key: the charge this key made, succeeded or declined, or a new
	 * one.
	 * @throws ProviderException for an unknown token, a provider fault
	 * ({@code tok_error}) or a key first used for another request
	 */
	Charge charge(String key, ChargeRequest request) {
		ChargeRequest normalized = request.normalized();
		Token token = Token.of(normalized.source())
			.orElseThrow(() -> ProviderException.invalidRequest("resource_missing", "source",
					"No such token: '" + normalized.source() + "'"));
		Recorded recorded = this.keys.compute(key,
				(claimed, existing) -> (existing != null) ? existing : chargeOnce(key, normalized, token));
		if (recorded instanceof ChargeRecorded(ChargeRequest original, Charge charge) && original.equals(normalized)) {
			return charge;
		}
		throw ProviderException.keyReused(key);
	}

	private Recorded chargeOnce(String key, ChargeRequest request, Token token) {
		long created = this.clock.instant().getEpochSecond();
		Charge charge = switch (token) {
			case VISA, SLOW -> Charge.succeeded(newId("ch_"), request, key, created);
			case CHARGE_DECLINED -> Charge.failed(newId("ch_"), request, key, created, "card_declined");
			case ERROR -> throw ProviderException.fault("The provider failed to process the charge (tok_error).");
		};
		return record(new ChargeRecorded(request, charge));
	}

	/**
	 * Refunds once per key: the refund this key made, or a new one of the rest of the
	 * charge (or {@code amount} of it).
	 * @throws ProviderException for an unknown charge, an order without exactly one
	 * succeeded charge, more than is left to refund, or a key first used for another
	 * request
	 */
	Refund refund(String key, RefundRequest request) {
		RefundRequest normalized = request.normalized();
		Recorded recorded = this.keys.compute(key,
				(claimed, existing) -> (existing != null) ? existing : refundOnce(key, normalized));
		if (recorded instanceof RefundRecorded(RefundRequest original, Refund refund) && original.equals(normalized)) {
			return refund;
		}
		throw ProviderException.keyReused(key);
	}

	private Recorded refundOnce(String key, RefundRequest request) {
		this.refunding.lock();
		try {
			Charge charge = chargeToRefund(request);
			BigDecimal refundable = charge.refundable();
			if (charge.status() != Charge.Status.SUCCEEDED) {
				throw ProviderException.invalidRequest("charge_not_refundable", "charge",
						"Charge " + charge.id() + " did not succeed; there is nothing to refund.");
			}
			if (refundable.signum() == 0) {
				throw ProviderException.invalidRequest("charge_already_refunded", "charge",
						"Charge " + charge.id() + " has already been refunded.");
			}
			BigDecimal amount = (request.amount() != null) ? request.amount() : refundable;
			if (amount.compareTo(refundable) > 0) {
				throw ProviderException.invalidRequest("amount_too_large", "amount",
						"Refund amount (" + amount + ") is greater than the unrefunded amount on charge " + charge.id()
								+ " (" + refundable + ").");
			}
			Refund refund = new Refund(newId("re_"), Refund.SUCCEEDED, amount, charge.currency(), charge.id(),
					charge.orderId(), key, this.clock.instant().getEpochSecond());
			return record(new RefundRecorded(request, refund));
		}
		finally {
			this.refunding.unlock();
		}
	}

	private Charge chargeToRefund(RefundRequest request) {
		if (request.charge() != null) {
			Charge charge = this.charges.get(request.charge());
			if (charge == null) {
				throw ProviderException.notFound("charge", "No such charge: '" + request.charge() + "'");
			}
			if (request.orderId() != null && !request.orderId().equals(charge.orderId())) {
				throw ProviderException.invalidRequest("parameter_invalid", "orderId",
						"Charge " + charge.id() + " does not belong to order '" + request.orderId() + "'.");
			}
			return charge;
		}
		if (request.orderId() == null) {
			throw ProviderException.invalidRequest("parameter_missing", "charge",
					"A refund needs the charge or the orderId to refund.");
		}
		List<Charge> succeeded = charges(
				(charge) -> charge.orderId().equals(request.orderId()) && charge.status() == Charge.Status.SUCCEEDED);
		if (succeeded.isEmpty()) {
			throw ProviderException.notFound("orderId", "No succeeded charge for order '" + request.orderId() + "'");
		}
		if (succeeded.size() > 1) {
			throw ProviderException.invalidRequest("parameter_invalid", "orderId", "Order '" + request.orderId()
					+ "' has " + succeeded.size() + " succeeded charges; refund one of them by its charge id.");
		}
		return succeeded.getFirst();
	}

	/**
	 * Durable first, then visible: nothing is answered that a restart could forget. Runs
	 * inside the key's {@code compute}, which stores the key's record itself.
	 */
	private Recorded record(Recorded recorded) {
		this.journal.append(recorded);
		apply(recorded);
		return recorded;
	}

	private void apply(Recorded recorded) {
		switch (recorded) {
			case ChargeRecorded(ChargeRequest request, Charge charge) -> this.charges.put(charge.id(), charge);
			case RefundRecorded(RefundRequest request, Refund refund) -> {
				this.refunds.put(refund.id(), refund);
				this.charges.computeIfPresent(refund.charge(), (id, charge) -> charge.withRefund(refund.amount()));
			}
		}
	}

	private static String keyOf(Recorded recorded) {
		return switch (recorded) {
			case ChargeRecorded(ChargeRequest request, Charge charge) -> charge.idempotencyKey();
			case RefundRecorded(RefundRequest request, Refund refund) -> refund.idempotencyKey();
		};
	}

	Charge charge(String id) {
		Charge charge = this.charges.get(id);
		if (charge == null) {
			throw ProviderException.notFound("id", "No such charge: '" + id + "'");
		}
		return charge;
	}

	/** Every charge, or an order's, the oldest first; declined attempts included. */
	List<Charge> charges(String orderId) {
		return charges((charge) -> orderId == null || orderId.equals(charge.orderId()));
	}

	/** Every refund, or an order's, the oldest first. */
	List<Refund> refunds(String orderId) {
		return this.refunds.values()
			.stream()
			.filter((refund) -> orderId == null || orderId.equals(refund.orderId()))
			.sorted(Comparator.comparingLong(Refund::created).thenComparing(Refund::id))
			.toList();
	}

	private List<Charge> charges(Predicate<Charge> filter) {
		return this.charges.values()
			.stream()
			.filter(filter)
			.sorted(Comparator.comparingLong(Charge::created).thenComparing(Charge::id))
			.toList();
	}

	/** Stripe's shape: a prefix naming the object, then 24 random base-62 characters. */
	private static String newId(String prefix) {
		StringBuilder id = new StringBuilder(prefix);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 24; i++) {
			id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
		}
		return id.toString();
	}

}
