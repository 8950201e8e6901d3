package io.github.planetscaleci.jenkins;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin is a thin wrapper: it reaches core only through core's public packages. */
class ArchitectureTest {
  private static final String PLUGIN = "io.github.planetscaleci.jenkins..";
  private static final JavaClasses CLASSES = importPlugin();

  private static JavaClasses importPlugin() {
    // Rules need only the names of dependencies, not the bytecode of core, Jenkins or OkHttp.
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.planetscaleci.jenkins");
  }

  @Test
  void theImportSeesThePluginsClasses() {
    // Guards the rules below against passing on an empty import.
    assertThat(CLASSES.contain(BranchStepExecution.class)).isTrue();
    assertThat(CLASSES.contain(ArchitectureTest.class)).isFalse();
  }

  @Test
  void noPluginClassDependsOnCoreInternals() {
    noClasses()
        .that()
        .resideInAPackage(PLUGIN)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.github.planetscaleci.core.internal..")
        .check(CLASSES);
  }

  @Test
  void coreIsReachedOnlyThroughItsPublicPackages() {
    DescribedPredicate<JavaClass> nonPublicCore =
        resideInAPackage("io.github.planetscaleci.core..")
            .and(
                not(
                    resideInAnyPackage(
                        "io.github.planetscaleci.core.client..",
                        "io.github.planetscaleci.core.model..",
                        "io.github.planetscaleci.core.workflow..",
                        "io.github.planetscaleci.core.event..",
                        "io.github.planetscaleci.core.error..",
                        "io.github.planetscaleci.core.naming..",
                        "io.github.planetscaleci.core.report..",
                        "io.github.planetscaleci.core.github..")));
    noClasses()
        .that()
        .resideInAPackage(PLUGIN)
        .should()
        .dependOnClassesThat(nonPublicCore)
        .check(CLASSES);
  }
}
