package dev.scenariohub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Operations done by a number of clients at once, each taking the next until all are
 * done.
 */
final class Clients {

	private Clients() {
	}

	/**
	 * Operations {@code 0..count-1}, by {@code clients} threads at once.
	 * @return the seconds they took
	 */
	static double run(int clients, int count, IntConsumer operation) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			long start = System.nanoTime();
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				running.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						operation.accept(i);
					}
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
			return (System.nanoTime() - start) / 1e9;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
