package io.orderflow.systemtests;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.orderflow.stack.Checkout;
import io.orderflow.stack.ComponentStatus;
import io.orderflow.stack.ComponentStatus.State;
import io.orderflow.stack.LocalStack;
import io.orderflow.stack.NodeLauncher;
import io.orderflow.stack.Progress;
import io.orderflow.stack.node.NodeRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A test JVM may be killed (a timeout, Ctrl-C on Maven, an IDE's stop button): the
 * processes its stack started must not outlive it. Runs a small stack of its own, one
 * node (which watches its parent itself) and Zipkin (a plain JVM, as every service is,
 * stopped by the watchdog), on yet another port offset.
 */
class KilledTestJvmIT {

	private static final int PORT_OFFSET = SystemStack.PORT_OFFSET + 1000;

	@Test
	void nothingTheStackStartedOutlivesAKilledTestJvm() throws IOException {
		Path state = SystemStack.stateDirectory().resolveSibling("killed-jvm-stack");
		LocalStack stack = LocalStack.builder(Checkout.locate()).stateDirectory(state).portOffset(PORT_OFFSET).build();
		stack.down(Progress.SILENT);
		Path output = Files.createDirectories(state).resolve("test-jvm.out");
		Process testJvm = new ProcessBuilder(NodeLauncher.javaExecutable(), "-cp", classpath(),
				BoundStackMain.class.getName(), state.toString(), Integer.toString(PORT_OFFSET), "redis", "zipkin")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			await().atMost(Duration.ofMinutes(4))
				.until(() -> Files.readString(output).contains(BoundStackMain.UP) || !testJvm.isAlive());
			assertThat(Files.readString(output)).contains(BoundStackMain.UP);
			List<ProcessHandle> started = testJvm.descendants().toList();
			assertThat(stack.status()).filteredOn((status) -> status.state() == State.HEALTHY)
				.extracting(ComponentStatus::name)
				.containsExactlyInAnyOrder("redis", "zipkin");

			testJvm.destroyForcibly();

			await().atMost(Duration.ofMinutes(2))
				.untilAsserted(() -> assertThat(started).noneMatch(KilledTestJvmIT::isRunning));
			assertThat(stack.status()).extracting(ComponentStatus::state).containsOnly(State.STOPPED);
		}
		finally {
			testJvm.destroyForcibly();
			stack.down(Progress.SILENT);
		}
	}

	/** Alive and not a zombie (orphans are not always collected at once). */
	private static boolean isRunning(ProcessHandle process) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
			return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String classpath() {
		return String.join(java.io.File.pathSeparator, codeSource(LocalStack.class), codeSource(NodeRuntime.class),
				codeSource(BoundStackMain.class));
	}

	private static String codeSource(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
