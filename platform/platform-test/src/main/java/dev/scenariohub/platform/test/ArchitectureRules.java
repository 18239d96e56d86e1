package dev.scenariohub.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules every deployable and every platform library keeps, checked on its
 * compiled main classes (tests excluded):
 * <ul>
 * <li>inside a service, feature packages depend on each other one way only (no
 * cycles);</li>
 * <li>a service uses its own classes, the platform libraries and third-party code — never
 * another service's classes;</li>
 * <li>the platform libraries use no service's classes.</li>
 * </ul>
 */
public final class ArchitectureRules {

	private static final String PROJECT = "dev.scenariohub..";

	private static final String PLATFORM = "dev.scenariohub.platform..";

	private ArchitectureRules() {
	}

	/**
	 * The compiled main classes of one Maven module, from its {@code target/classes};
	 * fails when there are none (the module was not compiled before this check).
	 */
	public static JavaClasses mainClassesOf(Path module) {
		Path classes = module.resolve("target").resolve("classes");
		if (!Files.isDirectory(classes)) {
			throw new AssertionError(classes.toAbsolutePath().normalize() + " does not exist: compile "
					+ module.getFileName() + " before checking its architecture");
		}
		JavaClasses imported = new ClassFileImporter().importPath(classes);
		if (imported.isEmpty()) {
			throw new AssertionError("no classes in " + classes.toAbsolutePath().normalize());
		}
		return imported;
	}

	/**
	 * The feature packages directly below {@code basePackage} form no dependency cycle.
	 */
	public static ArchRule featuresFreeOfCycles(String basePackage) {
		return slices().matching(basePackage + ".(*)..")
			.should()
			.beFreeOfCycles()
			.allowEmptyShould(true)
			.as("feature packages of " + basePackage + " depend on each other one way only");
	}

	/**
	 * Classes of {@code basePackage} use no project class outside it and the platform
	 * libraries.
	 */
	public static ArchRule usesOnlyItselfAndPlatform(String basePackage) {
		DescribedPredicate<JavaClass> foreign = resideInAPackage(PROJECT)
			.and(DescribedPredicate.not(resideInAnyPackage(basePackage + "..", PLATFORM)));
		return noClasses().that()
			.resideInAPackage(basePackage + "..")
			.should()
			.dependOnClassesThat(foreign.as("another service's classes"))
			.as(basePackage + " uses no other service's classes");
	}

	/** The platform libraries use no service's classes. */
	public static ArchRule platformIndependentOfServices() {
		return noClasses().that()
			.resideInAPackage(PLATFORM)
			.should()
			.dependOnClassesThat(resideInAPackage(PROJECT).and(DescribedPredicate.not(resideInAPackage(PLATFORM)))
				.as("a service's classes"))
			.as("the platform libraries use no service's classes");
	}

}
