package io.orderflow.order.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.orderflow.order.domain.OrderId;
import io.orderflow.order.saga.PlaceOrderSagaState;
import io.orderflow.order.saga.SagaInstance;
import io.orderflow.order.saga.SagaRepository;
import io.orderflow.order.saga.StepRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.stereotype.Repository;

@Repository
public class JpaSagaRepository implements SagaRepository {

	/**
	 * SKIP LOCKED: a saga another scheduler claimed, or a reply is being applied to, is
	 * not due for this one.
	 */
	private static final String CLAIM_DUE = """
			SELECT * FROM saga_instance
			WHERE deadline_at <= :now
			ORDER BY deadline_at
			LIMIT :limit
			FOR UPDATE SKIP LOCKED""";

	private final EntityManager entityManager;

	JpaSagaRepository(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public Optional<SagaInstance> lock(OrderId orderId) {
		return Optional
			.ofNullable(this.entityManager.find(SagaEntity.class, orderId.value(), LockModeType.PESSIMISTIC_WRITE))
			.map(SagaEntity::toSaga);
	}

	@Override
	public Optional<SagaInstance> find(OrderId orderId) {
		return Optional.ofNullable(this.entityManager.find(SagaEntity.class, orderId.value())).map(SagaEntity::toSaga);
	}

	@Override
	public List<SagaInstance> claimDue(Instant now, int limit) {
		List<?> due = this.entityManager.createNativeQuery(CLAIM_DUE, SagaEntity.class)
			.setParameter("now", now)
			.setParameter("limit", limit)
			.getResultList();
		return due.stream().map((saga) -> ((SagaEntity) saga).toSaga()).toList();
	}

	@Override
	public void add(SagaInstance saga) {
		SagaEntity entity = new SagaEntity(saga);
		this.entityManager.persist(entity);
		this.entityManager.flush();
		Versions.requireStored(entity.version(), saga.version(), saga.orderId());
	}

	@Override
	public void update(SagaInstance saga) {
		SagaEntity entity = this.entityManager.find(SagaEntity.class, saga.orderId().value());
		if (entity == null) {
			throw new IllegalStateException("No saga " + saga.orderId() + " to update");
		}
		Versions.requireSuccessor(entity.version(), saga.version(), saga.orderId());
		entity.copy(saga);
		this.entityManager.flush();
		Versions.requireStored(entity.version(), saga.version(), saga.orderId());
	}

	@Override
	public void record(StepRecord step) {
		this.entityManager.persist(new SagaStepEntity(step));
	}

	@Override
	public List<StepRecord> history(OrderId orderId) {
		return this.entityManager
			.createQuery("select s from SagaStepEntity s where s.orderId = :orderId order by s.id",
					SagaStepEntity.class)
			.setParameter("orderId", orderId.value())
			.getResultStream()
			.map(SagaStepEntity::toRecord)
			.toList();
	}

	@Override
	public Map<OrderId, PlaceOrderSagaState> states(Collection<OrderId> orderIds) {
		if (orderIds.isEmpty()) {
			return Map.of();
		}
		List<UUID> ids = orderIds.stream().map(OrderId::value).toList();
		return this.entityManager
			.createQuery("select s.orderId, s.state from SagaEntity s where s.orderId in :ids", Object[].class)
			.setParameter("ids", ids)
			.getResultStream()
			.collect(Collectors.toMap((row) -> new OrderId((UUID) row[0]), (row) -> (PlaceOrderSagaState) row[1]));
	}

	@Override
	public long countParked() {
		return this.entityManager.createQuery("select count(s) from SagaEntity s where s.state = :state", Long.class)
			.setParameter("state", PlaceOrderSagaState.COMPENSATION_FAILED)
			.getSingleResult();
	}

}
