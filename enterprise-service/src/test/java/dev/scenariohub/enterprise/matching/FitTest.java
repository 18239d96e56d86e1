package dev.scenariohub.enterprise.matching;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FitTest {

	@Test
	void capabilitiesSectorAndTextAddUpWithReasons() {
		Fit.Result fit = Fit.of(List.of("drone-navigation", "route-planning", "computer-vision", "v2x"),
				List.of("drone-navigation", "route-planning", "computer-vision"), true, List.of("VTOL drones", "lidar"),
				"Rooftop lockers served by drones; lidar landing");
		// 60 * 3/4 for capabilities, 15 for the sector, 25 * 2/3 for "drone" and "lidar"
		// (not "vtol")
		assertThat(fit.reasons()).containsExactly(
				"matches 3 of 4 required capabilities: computer-vision, drone-navigation, route-planning",
				"has applied in this sector before", "core technologies mentioned in the scenario: drone, lidar");
		assertThat(fit.score()).isEqualTo(45 + 15 + 25 * 2 / 3.0, Offset.offset(0.1));
	}

	@Test
	void nothingInCommonScoresZero() {
		Fit.Result fit = Fit.of(List.of("v2x"), List.of("cad"), false, List.of("knitting"), "traffic signals");
		assertThat(fit.score()).isZero();
		assertThat(fit.reasons()).containsExactly("matches 0 of 1 required capabilities");
	}

}
