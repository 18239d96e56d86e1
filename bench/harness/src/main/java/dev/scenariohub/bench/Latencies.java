package dev.scenariohub.bench;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/** Latencies recorded in microseconds, read out in milliseconds. */
public final class Latencies {

	private final Histogram histogram = new Histogram(3_600_000_000L, 3);

	public synchronized void record(long nanos) {
		this.histogram.recordValue(Math.max(0, nanos / 1000));
	}

	public synchronized long count() {
		return this.histogram.getTotalCount();
	}

	public synchronized double percentileMillis(double percentile) {
		return this.histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	public synchronized double maxMillis() {
		return this.histogram.getMaxValue() / 1000.0;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", count(), percentileMillis(50),
				percentileMillis(99), maxMillis());
	}

}
