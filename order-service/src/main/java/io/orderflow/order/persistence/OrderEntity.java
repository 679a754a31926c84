package io.orderflow.order.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderId;
import io.orderflow.order.domain.OrderLine;
import io.orderflow.order.domain.OrderStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "orders")
class OrderEntity {

	@Id
	private UUID orderId;

	/** Set when placed, never changed. */
	@Column(updatable = false)
	private String owner;

	private String customerId;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private String cancellationReason;

	private String cancellationDetail;

	private BigDecimal total;

	private String currency;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	/** Loaded for a whole page of orders at once when a listing reads them. */
	@ElementCollection
	@CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	@BatchSize(size = 100)
	private List<Line> lines = new ArrayList<>();

	protected OrderEntity() {
	}

	OrderEntity(Order order) {
		this.orderId = order.id().value();
		this.owner = order.owner();
		this.version = order.version();
		copy(order);
	}

	/** Everything but the identity, the owner and the version, which Hibernate keeps. */
	void copy(Order order) {
		this.customerId = order.customerId();
		this.status = order.status();
		this.cancellationReason = order.cancellationReason();
		this.cancellationDetail = order.cancellationDetail();
		this.total = order.total();
		this.currency = order.currency();
		this.createdAt = order.createdAt();
		this.updatedAt = order.updatedAt();
		List<Line> lines = order.lines()
			.stream()
			.map((line) -> new Line(line.sku(), line.name(), line.quantity(), line.unitPrice()))
			.toList();
		// Changed lines only, so pricing updates rows instead of rewriting the
		// collection.
		if (!lines.equals(this.lines)) {
			for (int i = 0; i < lines.size(); i++) {
				if (i < this.lines.size()) {
					this.lines.set(i, lines.get(i));
				}
				else {
					this.lines.add(lines.get(i));
				}
			}
		}
	}

	Order toOrder() {
		return new Order(new OrderId(this.orderId), this.owner, this.customerId,
				this.lines.stream()
					.map((line) -> new OrderLine(line.sku(), line.name(), line.quantity(), line.unitPrice()))
					.toList(),
				this.status, this.cancellationReason, this.cancellationDetail, this.total, this.currency,
				this.createdAt, this.updatedAt, this.version);
	}

	long version() {
		return this.version;
	}

	@Embeddable
	record Line(String sku, String name, int quantity, BigDecimal unitPrice) {
	}

}
