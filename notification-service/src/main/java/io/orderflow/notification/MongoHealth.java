package io.orderflow.notification;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Boot's MongoDB health check, which runs the {@code hello} command that
 * mongo-java-server (embedded stack and tests) does not know, with a collection listing
 * that both it and real MongoDB answer.
 */
@Configuration(proxyBeanMethods = false)
class MongoHealth {

	@Bean
	AbstractHealthIndicator mongoHealthIndicator(NotificationRepository notifications) {
		return new AbstractHealthIndicator() {

			@Override
			protected void doHealthCheck(Health.Builder builder) {
				builder.up().withDetail("notificationsCollection", notifications.collectionExists());
			}

		};
	}

}
