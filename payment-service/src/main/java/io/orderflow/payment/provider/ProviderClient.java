package io.orderflow.payment.provider;

import java.io.IOException;
import java.util.Optional;

import io.orderflow.payment.domain.ChargeRequest;
import io.orderflow.payment.domain.ChargeResult;
import io.orderflow.payment.domain.Payment;
import io.orderflow.payment.domain.PaymentAttempt.Operation;
import io.orderflow.payment.domain.PaymentProvider;
import io.orderflow.payment.domain.ProviderUnavailable;
import io.orderflow.payment.domain.RefundResult;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The provider's Stripe-like API: {@code POST /v1/charges} and {@code /v1/refunds} with
 * an {@code Idempotency-Key}, {@code GET} of both by {@code orderId}. Its errors come in
 * Stripe's shape, {@code {"error":{"type","code","decline_code","message"}}}.
 */
class ProviderClient implements PaymentProvider, AutoCloseable {

	private static final ParameterizedTypeReference<ProviderApi.Listing<ProviderApi.Charge>> CHARGE_LISTING = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<ProviderApi.Listing<ProviderApi.Refund>> REFUND_LISTING = new ParameterizedTypeReference<>() {
	};

	private final RestClient rest;

	private final GuardedCalls calls;

	ProviderClient(RestClient rest, GuardedCalls calls) {
		this.rest = rest;
		this.calls = calls;
	}

	@Override
	public ChargeResult charge(ChargeRequest request) {
		String key = PaymentProvider.chargeKey(request.orderId());
		ProviderApi.ChargeBody body = new ProviderApi.ChargeBody(request.amount(), request.currency(),
				request.paymentToken(), request.orderId(), request.customerId());
		ProviderResponse<ProviderApi.Charge> response;
		try {
			response = this.calls.call(new GuardedCalls.Call<>(Operation.CHARGE, request.orderId(), key,
					() -> post(ProviderApi.CHARGES, key, body, ProviderApi.Charge.class), ProviderApi.Charge::id,
					false));
		}
		catch (ProviderServerError ex) {
			if (ex.isThrottling()) {
				throw new ProviderUnavailable("The provider is throttling charges", ex);
			}
			return new ChargeResult.ProviderFailed(ex.status(), ex.errorType(), ex.getMessage());
		}
		if (response.isSuccess()) {
			return resultOf(response.body());
		}
		ProviderApi.Error error = errorOrEmpty(response);
		if (response.status() == 402) {
			// Stripe's code (card_declined) rather than its finer decline_code: the same
			// value a look-up of the declined charge reports as its failure code.
			return new ChargeResult.CardDeclined(error.charge(),
					(error.code() != null) ? error.code() : error.declineCode());
		}
		return new ChargeResult.Rejected(response.status(), error.code(), error.message());
	}

	@Override
	public Optional<ChargeResult> findCharge(String orderId) {
		String key = PaymentProvider.chargeKey(orderId);
		ProviderResponse<ProviderApi.Listing<ProviderApi.Charge>> response = lookup(new GuardedCalls.Call<>(
				Operation.CHARGE_LOOKUP, orderId, key, () -> get(ProviderApi.CHARGES, orderId, CHARGE_LISTING),
				(listing) -> madeWith(key, listing).map(ProviderApi.Charge::id).orElse(null), true));
		return madeWith(key, response.body()).map(this::resultOf);
	}

	@Override
	public RefundResult refund(Payment payment) {
		String key = PaymentProvider.refundKey(payment.orderId());
		ProviderApi.RefundBody body = new ProviderApi.RefundBody(payment.providerChargeId(), payment.orderId());
		ProviderResponse<ProviderApi.Refund> response;
		try {
			response = this.calls.call(new GuardedCalls.Call<>(Operation.REFUND, payment.orderId(), key,
					() -> post(ProviderApi.REFUNDS, key, body, ProviderApi.Refund.class), ProviderApi.Refund::id,
					false));
		}
		catch (ProviderServerError ex) {
			// Unlike a charge, a refund that failed must still happen: try again later.
			throw new ProviderUnavailable("The provider failed to refund order " + payment.orderId(), ex);
		}
		if (response.isSuccess()) {
			return new RefundResult.Refunded(response.body().id(), response.body().amount());
		}
		ProviderApi.Error error = errorOrEmpty(response);
		return new RefundResult.Refused(response.status(), error.code(), error.message());
	}

	@Override
	public Optional<RefundResult> findRefund(String orderId) {
		String key = PaymentProvider.refundKey(orderId);
		ProviderResponse<ProviderApi.Listing<ProviderApi.Refund>> response = lookup(new GuardedCalls.Call<>(
				Operation.REFUND_LOOKUP, orderId, key, () -> get(ProviderApi.REFUNDS, orderId, REFUND_LISTING),
				(listing) -> madeWith(key, listing).map(ProviderApi.Refund::id).orElse(null), true));
		return madeWith(key, response.body()).map((refund) -> new RefundResult.Refunded(refund.id(), refund.amount()));
	}

	/**
	 * A look-up that must succeed: with no answer, the caller cannot know what the
	 * provider holds.
	 */
	private <T> ProviderResponse<T> lookup(GuardedCalls.Call<T> call) {
		ProviderResponse<T> response;
		try {
			response = this.calls.call(call);
		}
		catch (ProviderServerError ex) {
			throw new ProviderUnavailable("The provider failed to list what it holds for order " + call.orderId(), ex);
		}
		if (!response.isSuccess()) {
			throw new ProviderUnavailable("The provider refused to list what it holds for order " + call.orderId()
					+ ": " + response.status() + " " + errorOrEmpty(response).message(), null);
		}
		return response;
	}

	private ChargeResult resultOf(ProviderApi.Charge charge) {
		return switch (charge.status()) {
			case ProviderApi.SUCCEEDED -> new ChargeResult.Approved(charge.id(), charge.amount(), charge.currency());
			case ProviderApi.FAILED -> new ChargeResult.CardDeclined(charge.id(), charge.failureCode());
			case null, default -> throw new ProviderUnavailable(
					"Charge " + charge.id() + " is " + charge.status() + ": no outcome yet", null);
		};
	}

	/** The item of an order's listing made with our idempotency key. */
	private static <T> Optional<T> madeWith(String key, ProviderApi.Listing<T> listing) {
		if (listing == null || listing.data() == null) {
			return Optional.empty();
		}
		return listing.data().stream().filter((item) -> key.equals(idempotencyKeyOf(item))).findFirst();
	}

	private static String idempotencyKeyOf(Object item) {
		return switch (item) {
			case ProviderApi.Charge charge -> charge.idempotencyKey();
			case ProviderApi.Refund refund -> refund.idempotencyKey();
			default -> null;
		};
	}

	private <T> ProviderResponse<T> post(String path, String key, Object body, Class<T> type) {
		return this.rest.post()
			.uri(path)
			.header(ProviderApi.IDEMPOTENCY_KEY, key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> read(response, () -> response.bodyTo(type)));
	}

	private <T> ProviderResponse<T> get(String path, String orderId, ParameterizedTypeReference<T> type) {
		return this.rest.get()
			.uri((uri) -> uri.path(path).queryParam("orderId", orderId).build())
			.exchange((request, response) -> read(response, () -> response.bodyTo(type)));
	}

	private static <T> ProviderResponse<T> read(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response,
			Body<T> body) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (status.is5xxServerError() || status.value() == 429) {
			throw new ProviderServerError(status.value(), errorOf(response));
		}
		if (status.is2xxSuccessful()) {
			return ProviderResponse.success(status.value(), body.read());
		}
		return ProviderResponse.refused(status.value(), errorOf(response));
	}

	/** The provider's error, or a stand-in saying why it could not be read. */
	private static ProviderApi.Error errorOf(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
		try {
			ProviderApi.ErrorBody body = response.bodyTo(ProviderApi.ErrorBody.class);
			return (body != null) ? body.error() : null;
		}
		catch (RestClientException ex) {
			return new ProviderApi.Error(null, null, null, "Unreadable error body: " + ex.getMessage(), null);
		}
	}

	private static ProviderApi.Error errorOrEmpty(ProviderResponse<?> response) {
		return (response.error() != null) ? response.error() : new ProviderApi.Error(null, null, null, null, null);
	}

	@Override
	public void close() {
		this.calls.close();
	}

	@FunctionalInterface
	private interface Body<T> {

		T read() throws IOException;

	}

}
