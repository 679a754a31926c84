package io.orderflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import org.bson.BsonDocument;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The notifications in MongoDB, with only what both real MongoDB and mongo-java-server
 * support: single-document writes (atomic findAndModify included), unique and compound
 * indexes, range queries. No transactions, no {@code $text}, no TTL.
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
		// A client's history (operators narrowing to one client use it too) ...
		mongo.indexOps(COLLECTION)
			.createIndex(new CompoundIndexDefinition(
					new Document("owner", 1).append("customerId", 1).append("createdAt", -1).append("_id", -1))
				.named("history_by_owner"));
		// ... and an operator's view of a customer across clients.
		mongo.indexOps(COLLECTION)
			.createIndex(
					new CompoundIndexDefinition(new Document("customerId", 1).append("createdAt", -1).append("_id", -1))
						.named("history_by_customer"));
		mongo.indexOps(COLLECTION)
			.createIndex(new CompoundIndexDefinition(new Document("delivery", 1).append("nextAttemptAt", 1))
				.named("due_for_delivery"));
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

	/**
	 * Claims the PENDING notification due longest ago, if any, in one atomic
	 * findAndModify: counts the attempt and holds it until {@code leaseEnd}, so no other
	 * claim gets it before then. One without {@code nextAttemptAt} was stored before
	 * retries existed and is due.
	 * @return the claimed notification, as updated
	 */
	Optional<Notification> claimDue(Instant now, Instant leaseEnd, String claim) {
		Query due = Query
			.query(Criteria.where("delivery")
				.is(Notification.Delivery.PENDING)
				.orOperator(Criteria.where("nextAttemptAt").lte(now), Criteria.where("nextAttemptAt").is(null)))
			.with(Sort.by(Sort.Order.asc("nextAttemptAt")));
		Update claimed = new Update().set("nextAttemptAt", leaseEnd)
			.set("lastAttemptAt", now)
			.set("claim", claim)
			.inc("attempts", 1);
		return Optional.ofNullable(this.mongo.findAndModify(due, claimed,
				FindAndModifyOptions.options().returnNew(true), Notification.class));
	}

	/**
	 * Records the outcome of a send, unless the claim {@code claimedWith} it was made
	 * under has been taken over since.
	 * @return whether it was recorded
	 */
	boolean recordOutcome(String claimedWith, Notification outcome) {
		Update update = new Update().set("delivery", outcome.delivery())
			.set("nextAttemptAt", outcome.nextAttemptAt())
			.set("claim", null)
			.set("lastError", outcome.lastError());
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(outcome.id()).and("claim").is(claimedWith)), update,
					Notification.class)
			.getMatchedCount() == 1;
	}

	/**
	 * The notifications stored from now on, by any instance, as MongoDB's change stream
	 * of the collection reports their inserts; {@code resumeAfter}, where an earlier
	 * stream broke off, continues from there.
	 */
	Inserts watchInserts(Optional<ResumePoint> resumeAfter) {
		ChangeStreamIterable<Document> changes = this.mongo.getCollection(COLLECTION)
			.watch(List.of(Aggregates.match(Filters.eq("operationType", "insert"))))
			.maxAwaitTime(1, TimeUnit.SECONDS);
		resumeAfter.ifPresent((point) -> changes.resumeAfter(point.token()));
		return new Inserts(changes.cursor(), this.mongo.getConverter());
	}

	Optional<Notification> find(String orderId, String type) {
		return Optional.ofNullable(this.mongo
			.findOne(Query.query(Criteria.where("orderId").is(orderId).and("type").is(type)), Notification.class));
	}

	long countByOrder(String orderId) {
		return this.mongo.count(Query.query(Criteria.where("orderId").is(orderId)), Notification.class);
	}

	boolean collectionExists() {
		return this.mongo.collectionExists(COLLECTION);
	}

	/**
	 * A customer's notifications that {@code visibility} shows, newest first
	 * ({@code createdAt}, then {@code id}, both descending), starting after {@code after}
	 * when given.
	 */
	List<Notification> history(String customerId, Visibility visibility, Optional<Position> after, int limit) {
		Criteria criteria = (visibility.owner() != null)
				? Criteria.where("owner").is(visibility.owner()).and("customerId").is(customerId)
				: Criteria.where("customerId").is(customerId);
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

	/** An open change stream of inserted notifications. */
	static final class Inserts implements AutoCloseable {

		private final MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;

		private final MongoConverter converter;

		private Inserts(MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor, MongoConverter converter) {
			this.cursor = cursor;
			this.converter = converter;
		}

		/**
		 * The next inserted notification, or empty when none came within the server's
		 * wait (a real MongoDB holds the request up to a second; mongo-java-server
		 * answers at once).
		 */
		Optional<Notification> next() {
			ChangeStreamDocument<Document> change = this.cursor.tryNext();
			if (change == null || change.getFullDocument() == null) {
				return Optional.empty();
			}
			return Optional.of(this.converter.read(Notification.class, change.getFullDocument()));
		}

		/** Where to resume after the last change seen, if any. */
		Optional<ResumePoint> resumePoint() {
			return Optional.ofNullable(this.cursor.getResumeToken()).map(ResumePoint::new);
		}

		@Override
		public void close() {
			this.cursor.close();
		}

	}

	/** A change stream's resume token. */
	record ResumePoint(BsonDocument token) {
	}

}
