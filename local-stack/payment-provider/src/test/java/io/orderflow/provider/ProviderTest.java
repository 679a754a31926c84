package io.orderflow.provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The simulator on a random port, one context for every API test class, with a slow token
 * that keeps a test waiting 1.5 s rather than 10; a test class takes a
 * {@link ProviderClient} in its constructor.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "orderflow.provider.slow-delay=" + ProviderTest.SLOW_DELAY_MILLIS + "ms")
@ExtendWith(ProviderClientResolver.class)
@interface ProviderTest {

	long SLOW_DELAY_MILLIS = 1500;

}
