package io.orderflow.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The shared HTTP edge of a servlet service: problem details for every error, request
 * ids, the request size limit. Runs before Boot's error handling so its error controller
 * replaces Boot's.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
@Import({ ProblemDetailsAdvice.class, ProblemErrorController.class })
public final class WebEdgeAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIds> requestIds() {
		FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
		// First, so even a refused request (413) has an id.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(WebProperties properties) {
		FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
				new RequestSizeLimit(properties.maxRequestSize().toBytes()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
