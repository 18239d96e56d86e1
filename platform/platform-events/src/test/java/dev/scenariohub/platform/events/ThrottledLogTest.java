package dev.scenariohub.platform.events;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long outage fills no log: one stack trace, then a line per interval, then one when it
 * is over.
 */
class ThrottledLogTest {

	@Test
	void aThousandFailuresLogOneStackTraceAndThenOneLineWhenItWorksAgain() {
		Logger logger = (Logger) LoggerFactory.getLogger("throttled-log-test");
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		logger.addAppender(lines);
		ThrottledLog log = new ThrottledLog(logger, "outbox relay of things", Duration.ofMinutes(1));

		for (int i = 0; i < 1000; i++) {
			log.failed("publishing failed", new IllegalStateException("broker away"));
		}
		log.succeeded();
		log.succeeded();

		assertThat(lines.list).hasSize(2);
		assertThat(lines.list.get(0).getLevel()).isEqualTo(Level.WARN);
		assertThat(lines.list.get(0).getThrowableProxy()).as("the first failure, with its stack trace").isNotNull();
		assertThat(lines.list.get(1).getLevel()).isEqualTo(Level.INFO);
		assertThat(lines.list.get(1).getFormattedMessage()).contains("working again after 1000 failure(s)");
	}

	@Test
	void anOngoingOutageGetsOneLineWithoutStackTracePerInterval() {
		Logger logger = (Logger) LoggerFactory.getLogger("throttled-log-test-interval");
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		logger.addAppender(lines);
		ThrottledLog log = new ThrottledLog(logger, "sweep", Duration.ZERO);

		log.failed("round failed", new IllegalStateException("first"));
		log.failed("round failed", new IllegalStateException("second"));

		assertThat(lines.list).hasSize(2);
		assertThat(lines.list.get(1).getThrowableProxy()).isNull();
		assertThat(lines.list.get(1).getFormattedMessage()).contains("2 in a row").contains("second");
	}

}
