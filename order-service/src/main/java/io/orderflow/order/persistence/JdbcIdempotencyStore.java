package io.orderflow.order.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.orderflow.order.application.IdempotencyKey;
import io.orderflow.order.application.IdempotencyStore;
import io.orderflow.order.application.StoredResponse;
import io.orderflow.order.domain.OrderId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL: the claim is an {@code INSERT ... ON CONFLICT DO NOTHING}, whose waiting on
 * a concurrent insert of the same key is the whole point (see
 * {@code OrderManagement.place}).
 */
@Repository
public class JdbcIdempotencyStore implements IdempotencyStore {

	private final JdbcClient jdbc;

	JdbcIdempotencyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean claim(IdempotencyKey key, String fingerprint, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO idempotency_record (client_id, idempotency_key, request_hash, created_at)
				VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").params(key.clientId(), key.key(), fingerprint, utc(at)).update() == 1;
	}

	@Override
	public Optional<StoredPlacement> find(IdempotencyKey key) {
		return this.jdbc.sql("""
				SELECT request_hash, response_status, location, response_body FROM idempotency_record
				WHERE client_id = ? AND idempotency_key = ?""")
			.params(key.clientId(), key.key())
			.query((row, number) -> new StoredPlacement(row.getString("request_hash"),
					new StoredResponse(row.getInt("response_status"), row.getString("location"),
							row.getString("response_body"))))
			.optional();
	}

	@Override
	public void complete(IdempotencyKey key, OrderId orderId, StoredResponse response) {
		int updated = this.jdbc.sql("""
				UPDATE idempotency_record SET order_id = ?, response_status = ?, location = ?, response_body = ?
				WHERE client_id = ? AND idempotency_key = ?""")
			.params(orderId.value(), response.status(), response.location(), response.body(), key.clientId(), key.key())
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Idempotency key " + key.key() + " was not claimed");
		}
	}

	@Override
	public int deleteClaimedBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?").params(utc(cutoff)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
