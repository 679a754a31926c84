package io.orderflow.order.application;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The deadline poller and the idempotency cleanup, at the intervals of
 * {@link OrderProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledTasks implements SchedulingConfigurer {

	private final OrderProperties properties;

	private final DeadlinePoller deadlinePoller;

	private final IdempotencyCleanup idempotencyCleanup;

	ScheduledTasks(OrderProperties properties, DeadlinePoller deadlinePoller, IdempotencyCleanup idempotencyCleanup) {
		this.properties = properties;
		this.deadlinePoller = deadlinePoller;
		this.idempotencyCleanup = idempotencyCleanup;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this.deadlinePoller::poll, this.properties.saga().deadlinePollInterval());
		tasks.addFixedDelayTask(this.idempotencyCleanup::removeExpired,
				this.properties.idempotency().cleanupInterval());
	}

}
