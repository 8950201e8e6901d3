package io.github.planetscaleci.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.internal.http.HttpPlanetScaleClient;
import org.junit.jupiter.api.Test;

/** Core's layering: public packages, a hidden internal, a JDK-only model, no printing. */
class ArchitectureTest {
  private static final JavaClasses CORE = importCore();

  private static JavaClasses importCore() {
    // Rules need only the names of dependencies, not their bytecode: skipping the transitive
    // import of OkHttp, Kotlin and Jackson keeps this test fast.
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.planetscaleci.core");
  }

  @Test
  void internalIsReachedOnlyThroughTheClientFactory() {
    // PlanetScaleClient.create is the one door into internal; everything else uses interfaces.
    noClasses()
        .that()
        .resideOutsideOfPackage("io.github.planetscaleci.core.internal..")
        .and()
        .doNotHaveFullyQualifiedName("io.github.planetscaleci.core.client.PlanetScaleClient")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.github.planetscaleci.core.internal..")
        .check(CORE);
  }

  @Test
  void modelDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("io.github.planetscaleci.core.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.github.planetscaleci.core.model..")
        .check(CORE);
  }

  @Test
  void coreNeverPrintsReadsTheEnvironmentOrExits() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CORE);
    noClasses().should().callMethod(System.class, "getenv").check(CORE);
    noClasses().should().callMethod(System.class, "getenv", String.class).check(CORE);
    noClasses().should().callMethod(System.class, "exit", int.class).check(CORE);
    noClasses().should().callMethod(Runtime.class, "exit", int.class).check(CORE);
  }

  @Test
  void coreDoesNotDependOnTheEmulatorOrTheWrappers() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.github.planetscaleci.emulator..",
            "io.github.planetscaleci.action..",
            "io.github.planetscaleci.jenkins..")
        .check(CORE);
  }

  @Test
  void noPackageCyclesBesidesTheFactoryDoor() {
    // internal implements the client interfaces, and PlanetScaleClient.create() hands out that
    // implementation: the one allowed edge back, so callers never name an internal class.
    slices()
        .matching("io.github.planetscaleci.core.(*)..")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(PlanetScaleClient.class, HttpPlanetScaleClient.class)
        .check(CORE);
  }
}
