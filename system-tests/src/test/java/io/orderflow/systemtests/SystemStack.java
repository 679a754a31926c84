package io.orderflow.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.orderflow.stack.Checkout;
import io.orderflow.stack.Component;
import io.orderflow.stack.LocalStack;
import io.orderflow.stack.Progress;
import io.orderflow.stack.StartupFailure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole embedded stack, started once per test JVM through the same API as
 * {@code ./orderflow up}, and injected as a {@link LocalStack} parameter.
 * <p>
 * It runs on its own port offset and state directory (under {@code target/}), so it never
 * meets a developer's {@code ./orderflow up}. It stops when the test plan ends; if the
 * test JVM is killed instead, the nodes notice their parent is gone and a watchdog stops
 * the rest, so nothing outlives the JVM.
 */
public final class SystemStack implements BeforeAllCallback, ParameterResolver {

	/** Every port shifted by this: the result shares no port with the standard plan. */
	static final int PORT_OFFSET = Integer.getInteger("orderflow.system-tests.port-offset", 1000);

	private static final Namespace NAMESPACE = Namespace.create(SystemStack.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		stack(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalStack.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return stack(context);
	}

	private static LocalStack stack(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Running.class, (key) -> Running.start(), Running.class)
			.stack();
	}

	static Path stateDirectory() {
		return Path.of(System.getProperty("orderflow.system-tests.state-dir", "target/orderflow-stack"));
	}

	/** Closed by JUnit when the root context ends, i.e. after the last test class. */
	private record Running(LocalStack stack) implements AutoCloseable {

		static Running start() {
			LocalStack stack = LocalStack.builder(Checkout.locate())
				.stateDirectory(stateDirectory())
				.portOffset(PORT_OFFSET)
				.boundToThisJvm()
				.build();
			// Whatever a previous run left (its JVM and its watchdog both killed), then a
			// clean slate: every run starts from empty databases.
			stack.down(Progress.SILENT);
			stack.state().wipeDataAndLogs();
			long started = System.nanoTime();
			try {
				stack.up(new Printed(started));
			}
			catch (RuntimeException ex) {
				stack.close();
				throw ex;
			}
			System.out.printf(Locale.ROOT, "[system-stack] all healthy in %.1f s (state %s, port offset %d)%n",
					(System.nanoTime() - started) / 1e9, stack.state().root(), PORT_OFFSET);
			return new Running(stack);
		}

		@Override
		public void close() {
			this.stack.close(new Printed(System.nanoTime()));
		}

	}

	/** One line per component in the test output: what took how long. */
	private record Printed(long started) implements Progress {

		@Override
		public void healthy(Component component, Duration took) {
			print(component.name() + " healthy after " + seconds(took));
		}

		@Override
		public void failed(Component component, StartupFailure failure) {
			print(component.name() + " FAILED: " + failure.getMessage());
		}

		@Override
		public void stopped(Component component, Duration took) {
			print(component.name() + " stopped in " + seconds(took));
		}

		private void print(String line) {
			System.out.printf(Locale.ROOT, "[system-stack %6.1f s] %s%n", (System.nanoTime() - this.started) / 1e9,
					line);
		}

		private static String seconds(Duration duration) {
			return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
		}

	}

}
