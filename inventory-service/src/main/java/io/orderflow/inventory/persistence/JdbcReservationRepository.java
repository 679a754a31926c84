package io.orderflow.inventory.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.orderflow.inventory.domain.Reservation;
import io.orderflow.inventory.domain.ReservationFailure;
import io.orderflow.inventory.domain.ReservationLine;
import io.orderflow.inventory.domain.ReservationRepository;
import io.orderflow.inventory.domain.ReservationStatus;

import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.orderflow.inventory.persistence.JdbcProductRepository.timestamp;

@Repository
class JdbcReservationRepository implements ReservationRepository {

	private static final String SELECT = """
			SELECT order_id, status, failure_reason, unavailable_skus, total, currency, created_at, updated_at
			FROM reservation WHERE order_id = ?""";

	private final JdbcClient jdbc;

	JdbcReservationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Reservation> find(String orderId) {
		return read(SELECT, orderId);
	}

	@Override
	public Optional<Reservation> lock(String orderId) {
		return read(SELECT + " FOR UPDATE", orderId);
	}

	@Override
	public void insert(Reservation reservation) {
		this.jdbc.sql("""
				INSERT INTO reservation (order_id, status, failure_reason, unavailable_skus, total, currency,
				    created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(reservation.orderId(), reservation.status().name(),
					(reservation.failureReason() != null) ? reservation.failureReason().name() : null,
					reservation.unavailableSkus().toArray(String[]::new), reservation.total(), reservation.currency(),
					timestamp(reservation.createdAt()), timestamp(reservation.updatedAt()))
			.update();
		List<ReservationLine> lines = reservation.lines();
		for (int i = 0; i < lines.size(); i++) {
			ReservationLine line = lines.get(i);
			this.jdbc.sql("""
					INSERT INTO reservation_line (order_id, line_no, sku, name, quantity, unit_price)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(reservation.orderId(), i + 1, line.sku(), line.name(), line.quantity(), line.unitPrice())
				.update();
		}
	}

	@Override
	public void update(Reservation reservation) {
		int updated = this.jdbc.sql("UPDATE reservation SET status = ?, updated_at = ? WHERE order_id = ?")
			.params(reservation.status().name(), timestamp(reservation.updatedAt()), reservation.orderId())
			.update();
		if (updated != 1) {
			throw new IncorrectUpdateSemanticsDataAccessException(
					"No reservation of order " + reservation.orderId() + " to update");
		}
	}

	private Optional<Reservation> read(String sql, String orderId) {
		return this.jdbc.sql(sql)
			.param(orderId)
			.query(JdbcReservationRepository::header)
			.optional()
			.map((header) -> header.withLines(lines(orderId)));
	}

	private List<ReservationLine> lines(String orderId) {
		return this.jdbc.sql("""
				SELECT sku, name, quantity, unit_price FROM reservation_line WHERE order_id = ? ORDER BY line_no""")
			.param(orderId)
			.query((row, number) -> new ReservationLine(row.getString("sku"), row.getString("name"),
					row.getInt("quantity"), row.getBigDecimal("unit_price")))
			.list();
	}

	private static Header header(ResultSet row, int rowNumber) throws SQLException {
		String failureReason = row.getString("failure_reason");
		return new Header(row.getString("order_id"), ReservationStatus.valueOf(row.getString("status")),
				(failureReason != null) ? ReservationFailure.valueOf(failureReason) : null, skus(row),
				row.getBigDecimal("total"), row.getString("currency"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private static List<String> skus(ResultSet row) throws SQLException {
		Array array = row.getArray("unavailable_skus");
		try {
			return List.of((String[]) array.getArray());
		}
		finally {
			array.free();
		}
	}

	/**
	 * The reservation row, read before its lines so no two result sets are open at once.
	 */
	private record Header(String orderId, ReservationStatus status, ReservationFailure failureReason,
			List<String> unavailableSkus, BigDecimal total, String currency, Instant createdAt, Instant updatedAt) {

		Reservation withLines(List<ReservationLine> lines) {
			return new Reservation(this.orderId, this.status, this.failureReason, this.unavailableSkus, lines,
					this.total, this.currency, this.createdAt, this.updatedAt);
		}

	}

}
