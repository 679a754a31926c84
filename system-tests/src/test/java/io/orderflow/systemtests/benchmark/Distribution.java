package io.orderflow.systemtests.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Latencies in milliseconds: p50, p99 and max of a sample. */
record Distribution(double p50, double p99, double max, int count) {

	static Distribution of(Collection<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		if (sorted.length == 0) {
			return new Distribution(Double.NaN, Double.NaN, Double.NaN, 0);
		}
		return new Distribution(millis(sorted[percentile(sorted, 0.50)]), millis(sorted[percentile(sorted, 0.99)]),
				millis(sorted[sorted.length - 1]), sorted.length);
	}

	private static int percentile(long[] sorted, double quantile) {
		return Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

}
