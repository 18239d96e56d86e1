package dev.scenariohub.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Budgets in Redis ({@code spring.data.redis.url}), shared by every replica: token
 * buckets kept by Bucket4j with compare-and-swap, each key gone once its bucket is full
 * again. While Redis cannot be reached attempts are let through rather than refused
 * (counted as {@code scenariohub.identity.throttle.unavailable} and logged when it goes
 * and comes back): signing in matters more than slowing down guesses for a while.
 */
@Component
@ConditionalOnProperty(name = "identity.throttle.store", havingValue = "redis")
class RedisAttemptBudgets implements AttemptBudgets, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisAttemptBudgets.class);

	private static final String PREFIX = "scenariohub:identity:throttle:";

	private final RedisClient client;

	private final Counter unavailable;

	private final AtomicBoolean down = new AtomicBoolean();

	private StatefulRedisConnection<byte[], byte[]> connection;

	private ProxyManager<byte[]> buckets;

	RedisAttemptBudgets(@Value("${spring.data.redis.url}") String url,
			@Value("${identity.throttle.redis-timeout:PT1S}") Duration timeout, MeterRegistry meters) {
		this.client = RedisClient.create(url);
		// while disconnected, fail at once instead of queueing until the time-out; and a
		// first connection to a Redis that is away gives up as soon
		this.client.setOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
			.build());
		this.unavailable = meters.counter("scenariohub.identity.throttle.unavailable");
	}

	@Override
	public boolean tryTake(String key, Bandwidth limit) {
		try {
			boolean taken = buckets().builder()
				.build((PREFIX + key).getBytes(StandardCharsets.UTF_8),
						() -> BucketConfiguration.builder().addLimit(limit).build())
				.tryConsume(1);
			if (this.down.compareAndSet(true, false)) {
				log.info("Redis answers again: sign-in and token attempts are counted across replicas");
			}
			return taken;
		}
		catch (RuntimeException unreachable) {
			this.unavailable.increment();
			if (this.down.compareAndSet(false, true)) {
				log.warn("Redis cannot be reached; sign-in and token attempts are let through uncounted until it "
						+ "answers: {}", unreachable.toString());
			}
			return true;
		}
	}

	/** Connects on first use, so that the issuer starts while Redis is away. */
	private synchronized ProxyManager<byte[]> buckets() {
		if (this.buckets == null) {
			this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
			this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
				.build();
		}
		return this.buckets;
	}

	@Override
	public synchronized void destroy() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown();
	}

}
