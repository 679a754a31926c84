package io.orderflow.order.application;

import java.time.Clock;

import io.orderflow.order.saga.PlaceOrderSaga;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

	/** Every timestamp and deadline comes from here. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	PlaceOrderSaga placeOrderSaga(OrderProperties properties, Clock clock) {
		return new PlaceOrderSaga(properties.saga().timeouts(), clock);
	}

}
