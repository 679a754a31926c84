package io.orderflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The notifications in MongoDB, with only what both real MongoDB and mongo-java-server
 * support: single-document writes, unique and compound indexes, range queries. No
 * transactions, no {@code $text}, no TTL.
 */
@Repository
class NotificationRepository {

	static final String COLLECTION = "notifications";

	private final MongoTemplate mongo;

	NotificationRepository(MongoTemplate mongo) {
		this.mongo = mongo;
		// Created before the listener starts: the unique (order, type) pair is what makes
		// a redelivered or concurrently delivered event a no-op.
		mongo.indexOps(COLLECTION)
			.createIndex(new CompoundIndexDefinition(new Document("orderId", 1).append("type", 1)).unique()
				.named("one_per_order_event"));
		mongo.indexOps(COLLECTION)
			.createIndex(
					new CompoundIndexDefinition(new Document("customerId", 1).append("createdAt", -1).append("_id", -1))
						.named("history_by_customer"));
	}

	/**
	 * Stores {@code notification} unless one for the same order and type exists.
	 * @return whether it was stored
	 */
	boolean insertIfAbsent(Notification notification) {
		try {
			this.mongo.insert(notification);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	void markDelivery(String id, Notification.Delivery delivery) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("delivery", delivery),
				Notification.class);
	}

	Optional<Notification> find(String orderId, String type) {
		return Optional.ofNullable(this.mongo
			.findOne(Query.query(Criteria.where("orderId").is(orderId).and("type").is(type)), Notification.class));
	}

	long countByOrder(String orderId) {
		return this.mongo.count(Query.query(Criteria.where("orderId").is(orderId)), Notification.class);
	}

	/**
	 * A customer's notifications, newest first ({@code createdAt}, then {@code id}, both
	 * descending), starting after {@code after} when given.
	 */
	List<Notification> history(String customerId, Optional<Position> after, int limit) {
		Criteria criteria = Criteria.where("customerId").is(customerId);
		if (after.isPresent()) {
			Position position = after.get();
			criteria = criteria.orOperator(Criteria.where("createdAt").lt(position.createdAt()),
					Criteria.where("createdAt").is(position.createdAt()).and("_id").lt(position.id()));
		}
		Query query = Query.query(criteria)
			.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
			.limit(limit);
		return this.mongo.find(query, Notification.class);
	}

	/** Where a page ended: the sort key of its last notification. */
	record Position(Instant createdAt, String id) {

		static Position of(Notification notification) {
			return new Position(notification.createdAt(), notification.id());
		}

	}

}
