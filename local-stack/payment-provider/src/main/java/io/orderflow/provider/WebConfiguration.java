package io.orderflow.provider;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final FaultInjection faultInjection;

	WebConfiguration(FaultInjection faultInjection) {
		this.faultInjection = faultInjection;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.faultInjection).addPathPatterns("/v1/**");
	}

}
