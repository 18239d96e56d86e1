package dev.scenariohub.scenario;

import java.time.Duration;

import dev.scenariohub.platform.events.PeriodicTask;
import dev.scenariohub.scenario.chronograph.Chronograph;
import dev.scenariohub.scenario.chronograph.ChronographDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ScenarioServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScenarioServiceApplication.class, args);
	}

	/**
	 * Time as an actor: deadlines, standstills, milestone reminders, orphaned
	 * reservations.
	 */
	@Bean
	PeriodicTask chronographTask(Chronograph chronograph,
			@Value("${scenarios.chronograph.interval:PT5S}") Duration interval) {
		return new PeriodicTask("chronograph", interval, chronograph::tick);
	}

	/** How far the chronograph is behind, measured apart from its own rounds. */
	@Bean
	PeriodicTask chronographDelayTask(ChronographDelay delay,
			@Value("${scenarios.chronograph.delay-interval:PT10S}") Duration interval) {
		return new PeriodicTask("chronograph delay", interval, delay::refresh);
	}

}
