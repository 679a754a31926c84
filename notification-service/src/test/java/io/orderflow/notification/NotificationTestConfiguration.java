package io.orderflow.notification;

import io.orderflow.testinfra.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock the tests move and the channel they script, in place of the real ones. */
@TestConfiguration(proxyBeanMethods = false)
class NotificationTestConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return MutableClock.running();
	}

	// The only channel: NotificationIT selects it with orderflow.notification.channel.
	@Bean
	ScriptedChannel scriptedChannel() {
		return new ScriptedChannel();
	}

}
