package io.orderflow.provider;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands a {@link ProviderTest} a client for the simulator on the port it was started on.
 */
class ProviderClientResolver implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == ProviderClient.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		Integer port = SpringExtension.getApplicationContext(extension)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		return new ProviderClient(port);
	}

}
