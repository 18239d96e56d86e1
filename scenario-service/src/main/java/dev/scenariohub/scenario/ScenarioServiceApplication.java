package dev.scenariohub.scenario;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScenarioServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScenarioServiceApplication.class, args);
	}
}
