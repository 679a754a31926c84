package io.orderflow.systemtests.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Drives a system with work items (a saga, a chain of hops) that complete with their
 * latency in nanoseconds.
 */
final class Load {

	private Load() {
	}

	/**
	 * Open loop: starts {@code perSecond} items a second for {@code duration} whether or
	 * not earlier ones finished, as independent clients would, then waits for them.
	 */
	static Result offered(Supplier<CompletableFuture<Long>> item, int perSecond, Duration duration)
			throws InterruptedException {
		List<CompletableFuture<Long>> items = new ArrayList<>();
		long interval = 1_000_000_000L / perSecond;
		long count = duration.toSeconds() * perSecond;
		long started = System.nanoTime();
		for (long i = 0; i < count; i++) {
			long due = started + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			items.add(item.get());
		}
		return Result.of(items, started);
	}

	/**
	 * Closed loop: {@code clients} each start an item, wait for it and start the next,
	 * for {@code duration}: the throughput at saturation.
	 */
	static Result saturated(Supplier<CompletableFuture<Long>> item, int clients, Duration duration)
			throws InterruptedException {
		Queue<CompletableFuture<Long>> items = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		long started = System.nanoTime();
		long end = started + duration.toNanos();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < clients; i++) {
				executor.submit(() -> {
					while (System.nanoTime() < end) {
						CompletableFuture<Long> next = item.get();
						items.add(next);
						try {
							next.get(60, TimeUnit.SECONDS);
						}
						catch (Exception ex) {
							failures.incrementAndGet();
						}
					}
				});
			}
		}
		return Result.of(new ArrayList<>(items), started);
	}

	/**
	 * @param perSecond items finished per second, from the first start to the last finish
	 */
	record Result(Distribution latency, int finished, int failed, double perSecond) {

		/**
		 * One row of a benchmark's table: this result beside its baseline, with the
		 * ratios of p50, p99 and throughput, and the failures if there were any.
		 */
		String against(Result baseline, String load, String name, String baselineName) {
			return String.format(Locale.ROOT, "%-22s | %-44s | %-44s | %.2fx / %.2fx / %.1f%%%s", load, describe(),
					baseline.describe(), latency().p50() / baseline.latency().p50(),
					latency().p99() / baseline.latency().p99(), 100 * perSecond() / baseline.perSecond(),
					(failed() + baseline.failed() > 0)
							? " (failed: " + name + " " + failed() + ", " + baselineName + " " + baseline.failed() + ")"
							: "");
		}

		private String describe() {
			return String.format(Locale.ROOT, "%7.1f/s %7.2f / %7.2f / %7.2f ms", perSecond(), latency().p50(),
					latency().p99(), latency().max());
		}

		static Result of(List<CompletableFuture<Long>> items, long started) {
			List<Long> latencies = new ArrayList<>();
			int failed = 0;
			for (CompletableFuture<Long> item : items) {
				try {
					latencies.add(item.get(120, TimeUnit.SECONDS));
				}
				catch (Exception ex) {
					failed++;
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			return new Result(Distribution.of(latencies), latencies.size(), failed, latencies.size() / seconds);
		}

	}

}
