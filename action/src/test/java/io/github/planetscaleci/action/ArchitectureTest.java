package io.github.planetscaleci.action;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.github.planetscaleci.action.cli.Cli;
import io.github.planetscaleci.action.runner.ActionRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The action is a thin wrapper: it reaches core only through core's public packages, and only the
 * process entry points touch the process's standard streams; everything else writes to the streams
 * it is given, which is what lets tests drive it as the runner does.
 */
class ArchitectureTest {
  private static final String ACTION = "io.github.planetscaleci.action..";
  private static final JavaClasses CLASSES = importAction();

  /**
   * The only classes that touch {@code System.out} / {@code System.err}: {@link Main} hands them to
   * the runner or the CLI and flushes them before exiting; {@link Cli} only compares its stdout
   * with {@code System.out} to learn whether it is the process's own (then it may be a redirected
   * file). {@code cli.StdoutTarget} reads {@code /proc/self/fd/1}, and {@code
   * runner.WorkflowCommands} writes to the stream it is given; neither touches the standard
   * streams.
   */
  private static final List<Class<?>> STREAM_OWNERS = List.of(Main.class, Cli.class);

  private static JavaClasses importAction() {
    // Rules need only the names of dependencies, not the bytecode of core, Jackson or OkHttp.
    ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.planetscaleci.action");
  }

  @Test
  void theImportSeesTheActionsClasses() {
    // Guards the rules below against passing on an empty import.
    assertThat(CLASSES.contain(ActionRunner.class)).isTrue();
    assertThat(CLASSES.contain(Cli.class)).isTrue();
    assertThat(CLASSES.contain(ArchitectureTest.class)).isFalse();
  }

  @Test
  void noActionClassDependsOnCoreInternals() {
    noClasses()
        .that()
        .resideInAPackage(ACTION)
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
        .resideInAPackage(ACTION)
        .should()
        .dependOnClassesThat(nonPublicCore)
        .check(CLASSES);
  }

  @Test
  void onlyTheEntryPointsTouchTheStandardStreams() {
    noClasses()
        .that()
        .resideInAPackage(ACTION)
        .and(not(JavaClass.Predicates.belongToAnyOf(STREAM_OWNERS.toArray(Class<?>[]::new))))
        .should(ACCESS_STANDARD_STREAMS)
        .because("output goes to the streams a class is given, so tests see all of it")
        .check(CLASSES);
  }

  @Test
  void theStreamOwnersListIsExactlyTheClassesThatTouchTheStandardStreams() {
    // Without the exemption the rule must fail, and only on the listed classes: no owner is listed
    // that does not need it, and the rule above is not vacuous.
    ArchRule unexempted = noClasses().should(ACCESS_STANDARD_STREAMS);
    List<String> details = unexempted.evaluate(CLASSES).getFailureReport().getDetails();
    assertThat(details).isNotEmpty();
    for (Class<?> owner : STREAM_OWNERS) {
      assertThat(details).anyMatch(d -> d.contains("<" + owner.getName() + "."));
    }
    assertThat(details)
        .allMatch(
            d -> STREAM_OWNERS.stream().anyMatch(o -> d.contains("<" + o.getName() + ".")),
            "every violation is in a listed owner");
  }
}
