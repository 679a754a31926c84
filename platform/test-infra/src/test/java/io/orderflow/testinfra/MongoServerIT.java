package io.orderflow.testinfra;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MongoServerIT {

	private final MongoServer mongo = TestInfrastructure.mongo();

	@Test
	void rejectsASecondDocumentWithTheSameUniqueKey() {
		try (MongoClient client = MongoClients.create(this.mongo.connectionString())) {
			MongoCollection<Document> notifications = client.getDatabase("unique_index").getCollection("notification");
			notifications.drop();
			notifications.createIndex(Indexes.ascending("messageId"), new IndexOptions().unique(true));
			notifications.insertOne(new Document("messageId", "m-1").append("type", "OrderConfirmed"));

			MongoWriteException duplicate = catchThrowableOfType(MongoWriteException.class,
					() -> notifications.insertOne(new Document("messageId", "m-1").append("type", "OrderConfirmed")));

			assertThat(ErrorCategory.fromErrorCode(duplicate.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY);
			assertThat(notifications.countDocuments()).isOne();
		}
	}

}
