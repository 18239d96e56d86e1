package dev.scenariohub.system;

import java.nio.file.Path;
import java.util.stream.Stream;

import dev.scenariohub.platform.test.ArchitectureRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dependency rules of docs/architecture.md, checked on every module's compiled
 * classes: one-way dependencies between the feature packages of each deployable, no
 * deployable using another's classes, and platform libraries that know no service.
 */
class ArchitectureTest {

	private static final Path ROOT = Path.of("..");

	static Stream<Arguments> deployables() {
		return Stream.of(Arguments.of("scenario-service", "dev.scenariohub.scenario"),
				Arguments.of("enterprise-service", "dev.scenariohub.enterprise"),
				Arguments.of("notification-service", "dev.scenariohub.notification"),
				Arguments.of("identity-service", "dev.scenariohub.identity"),
				Arguments.of("gateway", "dev.scenariohub.gateway"),
				Arguments.of("local-stack", "dev.scenariohub.localstack"));
	}

	static Stream<String> platformLibraries() {
		return Stream.of("platform-events", "platform-web", "platform-security", "platform-test");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployables")
	void featurePackagesDependOnEachOtherOneWayOnly(String module, String basePackage) {
		ArchitectureRules.featuresFreeOfCycles(basePackage)
			.check(ArchitectureRules.mainClassesOf(ROOT.resolve(module)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployables")
	void aDeployableUsesNoOtherDeployablesClasses(String module, String basePackage) {
		ArchitectureRules.usesOnlyItselfAndPlatform(basePackage)
			.check(ArchitectureRules.mainClassesOf(ROOT.resolve(module)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("platformLibraries")
	void platformLibrariesUseNoServicesClasses(String library) {
		ArchitectureRules.platformIndependentOfServices()
			.check(ArchitectureRules.mainClassesOf(ROOT.resolve("platform").resolve(library)));
	}

}
