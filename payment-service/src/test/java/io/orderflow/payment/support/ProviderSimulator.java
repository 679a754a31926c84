package io.orderflow.payment.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.orderflow.stack.Checkout;
import io.orderflow.stack.Component;
import io.orderflow.stack.Components;
import io.orderflow.stack.Launch;
import io.orderflow.stack.LocalStack;
import io.orderflow.stack.Progress;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The payment provider simulator ({@code local-stack/payment-provider}) as its own
 * process, started once per test JVM exactly as {@code ./orderflow up} starts it: the
 * launcher's own component declaration and {@link LocalStack}, here a stack of that one
 * component on a free port, bound to this JVM (it ends when the JVM does, however it
 * ends), with its ledger journalled under {@code target/} so it remembers charges across
 * a stop and start. Its {@code tok_slow} answers after {@value #SLOW_DELAY_SECONDS} s.
 * <p>
 * Before the application context starts, {@code orderflow.payment.provider.base-url} is
 * set (as a system property) to the simulator's URL. Before each test the simulator is
 * started if a test left it stopped, and the circuit breaker is reset, so no test
 * inherits another's outage. Tests get the {@link Simulator} as a parameter.
 */
public final class ProviderSimulator implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	static final int SLOW_DELAY_SECONDS = 3;

	private static final String NAME = "payment-provider";

	private static final Namespace NAMESPACE = Namespace.create(ProviderSimulator.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		simulator(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		simulator(context).start();
		SpringExtension.getApplicationContext(context).getBean(CircuitBreaker.class).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Simulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return simulator(context);
	}

	private static Simulator simulator(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Simulator.class, (key) -> Simulator.launch(), Simulator.class);
	}

	/** The running simulator; closed by JUnit after the last test class. */
	public static final class Simulator implements AutoCloseable {

		private final LocalStack stack;

		private final HttpClient http = HttpClient.newHttpClient();

		private final JsonMapper json = JsonMapper.shared();

		private Simulator(LocalStack stack) {
			this.stack = stack;
		}

		static Simulator launch() {
			LocalStack stack = LocalStack.builder(Checkout.locate())
				.stateDirectory(Path.of("target", "payment-provider-stack").toAbsolutePath())
				.components(List.of(component(freePort())))
				.portOffset(0)
				.boundToThisJvm()
				.build();
			// Whatever an earlier run left, then empty books.
			stack.down(Progress.SILENT);
			stack.state().wipeDataAndLogs();
			Simulator simulator = new Simulator(stack);
			simulator.start();
			System.setProperty("orderflow.payment.provider.base-url", simulator.url());
			return simulator;
		}

		/**
		 * The launcher's declaration of the simulator (its jar, JVM options, data
		 * directory argument), on {@code port} and with a short slow delay.
		 */
		private static Component component(int port) {
			Component declared = Components.standard()
				.stream()
				.filter((component) -> component.name().equals(NAME))
				.findFirst()
				.orElseThrow();
			Launch.SimulatorLaunch launch = (Launch.SimulatorLaunch) declared.launch();
			Launch.SimulatorLaunch quick = new Launch.SimulatorLaunch(launch.module(), launch.jvmOptions(),
					(context) -> {
						List<String> arguments = new ArrayList<>(launch.arguments().apply(context));
						arguments.add("--orderflow.provider.slow-delay=" + SLOW_DELAY_SECONDS + "s");
						return arguments;
					});
			return new Component(declared.name(), declared.tier(), port, declared.extraPorts(), declared.needs(), quick,
					declared.health(), declared.urlTemplate(), declared.startTimeout());
		}

		/**
		 * A free port below the ephemeral range (where the launcher wants its ports, so
		 * no client's outgoing connection takes it while the simulator is stopped).
		 */
		private static int freePort() {
			IllegalStateException none = new IllegalStateException("No free port between 20000 and 32000");
			for (int i = 0; i < 100; i++) {
				int port = ThreadLocalRandom.current().nextInt(20000, 32000);
				try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
					return socket.getLocalPort();
				}
				catch (IOException taken) {
					none.addSuppressed(taken);
				}
			}
			throw none;
		}

		public String url() {
			return this.stack.url(NAME);
		}

		/** Starts it unless it runs; returns once it is healthy. */
		public void start() {
			this.stack.up(Progress.SILENT);
		}

		/** Stops it: SIGTERM, then SIGKILL after a grace period. */
		public void stop() {
			this.stack.stop(NAME, Progress.SILENT);
		}

		/** SIGKILLs it, as a crash would; its ledger survives for the next start. */
		public void kill() {
			this.stack.kill(NAME);
		}

		/** Every charge the provider holds for the order, declined attempts included. */
		public List<Charge> charges(String orderId) {
			return get("/v1/charges?orderId=" + orderId, new TypeReference<Listing<Charge>>() {
			}).data();
		}

		public List<Refund> refunds(String orderId) {
			return get("/v1/refunds?orderId=" + orderId, new TypeReference<Listing<Refund>>() {
			}).data();
		}

		private <T> T get(String path, TypeReference<T> type) {
			try {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(
							"GET " + path + ": " + response.statusCode() + " " + response.body());
				}
				return this.json.readValue(response.body(), type);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
			this.http.close();
			this.stack.close();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Charge(String id, String status, BigDecimal amount, String currency, String orderId,
			String idempotencyKey, BigDecimal amountRefunded, boolean refunded, String failureCode) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Refund(String id, String status, BigDecimal amount, String currency, String charge, String orderId,
			String idempotencyKey) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Listing<T>(List<T> data) {

	}

}
