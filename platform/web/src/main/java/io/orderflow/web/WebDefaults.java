package io.orderflow.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service's own configuration may override: no stack traces or exception
 * messages in any error body, and the request id and trace id in every log line of a
 * request ({@code trace_id} is what the OpenTelemetry agent puts in the log context).
 */
public class WebDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("orderflowWebDefaults",
					Map.of("server.error.include-stacktrace", "never", "server.error.include-message", "never",
							"logging.pattern.correlation", "[%X{trace_id:-},%X{requestId:-}] ")));
	}

}
