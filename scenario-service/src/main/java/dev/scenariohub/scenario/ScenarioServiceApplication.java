package dev.scenariohub.scenario;

import java.time.Duration;

import dev.scenariohub.platform.events.PeriodicTask;
import dev.scenariohub.scenario.chronograph.Chronograph;
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

}
