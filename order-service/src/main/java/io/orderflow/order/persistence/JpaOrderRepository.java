package io.orderflow.order.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderId;
import io.orderflow.order.domain.OrderRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Repository;

@Repository
public class JpaOrderRepository implements OrderRepository {

	private final EntityManager entityManager;

	JpaOrderRepository(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public Optional<Order> find(OrderId id) {
		return Optional.ofNullable(this.entityManager.find(OrderEntity.class, id.value())).map(OrderEntity::toOrder);
	}

	/**
	 * Keyset pagination on {@code (created_at, order_id)}, which the listing indexes (per
	 * owner, per customer, overall) serve in this order; the lines of the whole page come
	 * in one batch.
	 */
	@Override
	public List<Order> newestFirst(Filter filter, Position after, int limit) {
		List<String> conditions = new ArrayList<>();
		if (filter.owner() != null) {
			conditions.add("o.owner = :owner");
		}
		if (filter.customerId() != null) {
			conditions.add("o.customerId = :customerId");
		}
		if (filter.status() != null) {
			conditions.add("o.status = :status");
		}
		if (after != null) {
			conditions.add("(o.createdAt, o.orderId) < (:createdAt, :orderId)");
		}
		String query = "select o from OrderEntity o"
				+ (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
				+ " order by o.createdAt desc, o.orderId desc";
		TypedQuery<OrderEntity> orders = this.entityManager.createQuery(query, OrderEntity.class).setMaxResults(limit);
		if (filter.owner() != null) {
			orders.setParameter("owner", filter.owner());
		}
		if (filter.customerId() != null) {
			orders.setParameter("customerId", filter.customerId());
		}
		if (filter.status() != null) {
			orders.setParameter("status", filter.status());
		}
		if (after != null) {
			orders.setParameter("createdAt", after.createdAt());
			orders.setParameter("orderId", after.orderId().value());
		}
		return orders.getResultList().stream().map(OrderEntity::toOrder).toList();
	}

	@Override
	public void add(Order order) {
		OrderEntity entity = new OrderEntity(order);
		this.entityManager.persist(entity);
		this.entityManager.flush();
		Versions.requireStored(entity.version(), order.version(), order.id());
	}

	@Override
	public void update(Order order) {
		OrderEntity entity = this.entityManager.find(OrderEntity.class, order.id().value());
		if (entity == null) {
			throw new IllegalStateException("No order " + order.id() + " to update");
		}
		Versions.requireSuccessor(entity.version(), order.version(), order.id());
		entity.copy(order);
		this.entityManager.flush();
		Versions.requireStored(entity.version(), order.version(), order.id());
	}

}
