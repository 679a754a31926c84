package io.orderflow.systemtests.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.orderflow.stack.Checkout;
import io.orderflow.stack.LocalStack;
import io.orderflow.stack.Progress;

/**
 * The embedded stack a benchmark measures: the components it names and what they need, as
 * {@code ./orderflow up} runs them, started fresh on their own ports (offset 2000, or
 * {@code -Dorderflow.benchmark.port-offset}) and state directory, and stopped when the
 * benchmark ends, also if it fails.
 */
final class BenchmarkStack {

	private BenchmarkStack() {
	}

	interface Benchmark {

		void run(LocalStack stack) throws Exception;

	}

	static void run(List<String> components, Benchmark benchmark) throws Exception {
		LocalStack stack = LocalStack.builder(Checkout.locate())
			.stateDirectory(Path.of("target/benchmark-stack"))
			.portOffset(Integer.getInteger("orderflow.benchmark.port-offset", 2000))
			.boundToThisJvm()
			.build();
		stack.down(Progress.SILENT);
		stack.state().wipeDataAndLogs();
		try {
			long started = System.nanoTime();
			stack.up(components, Progress.SILENT);
			System.out.printf(Locale.ROOT, "stack up in %.0f s%n", (System.nanoTime() - started) / 1e9);
			benchmark.run(stack);
		}
		finally {
			stack.close();
		}
	}

}
