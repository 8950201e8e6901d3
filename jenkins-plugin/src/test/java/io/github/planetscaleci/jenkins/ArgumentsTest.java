package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.util.FormValidation;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad arguments fail in Step.start, before any credential lookup or API call. */
class ArgumentsTest {
  private final FakeHost host = new FakeHost().token("ps", "id", "secret");
  private AutoCloseable override;

  @BeforeEach
  void install() {
    host.defaults = new Host.Defaults("acme", "ps", null);
    override = Host.override(host);
  }

  @AfterEach
  void remove() throws Exception {
    override.close();
    assertThat(host.lookups).hasValue(0);
  }

  private static AbortException rejected(Consumer<PlanetScaleBranchStep> setup) {
    PlanetScaleBranchStep step = new PlanetScaleBranchStep("app");
    setup.accept(step);
    FakeStepContext ctx = new FakeStepContext(null, java.util.List.of(FakeJenkins.run("", "j", 1)));
    try {
      step.start(ctx);
    } catch (AbortException e) {
      assertThat(e.getMessage()).startsWith("[planetscale-ci configuration] ");
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted");
  }

  @Test
  void eachBadOptionIsNamedWithAFix() {
    assertThat(rejected(s -> s.setBranch("Feature/Login")).getMessage())
        .contains("invalid branch name 'Feature/Login'")
        .contains("for example");
    assertThat(rejected(s -> s.setParentBranch("-main")).getMessage())
        .contains("invalid parent branch");
    assertThat(rejected(s -> s.setPasswordTtl("forever")).getMessage())
        .contains("passwordTtl must be a positive duration such as 90s, 10m, 1h30m or 2d")
        .contains("'forever'");
    assertThat(rejected(s -> s.setWaitTimeout("0m")).getMessage()).contains("waitTimeout");
    assertThat(rejected(s -> s.setPasswordRole("root")).getMessage())
        .contains("passwordRole")
        .contains("reader, writer, readwriter, admin");
    assertThat(rejected(s -> s.setEnvPrefix("1-X")).getMessage()).contains("envPrefix '1-X'");
    assertThat(rejected(s -> s.setApiUrl("http://api.example.com/v1")).getMessage())
        .contains("https");
  }

  @Test
  void missingValuesSayWhereToSetThem() {
    host.defaults = Host.Defaults.NONE;
    assertThat(rejected(s -> {}).getMessage())
        .contains("organization is required")
        .contains("Manage Jenkins » System » PlanetScale");
    host.defaults = new Host.Defaults("acme", null, null);
    assertThat(rejected(s -> {}).getMessage()).contains("credentialsId is required");
    assertThatThrownBy(() -> new PlanetScaleSweepStep(" ").start(null))
        .isInstanceOf(AbortException.class)
        .hasMessage(
            "[planetscale-ci configuration] database is required: pass database: 'app' to the step");
  }

  @Test
  void stepValuesWinOverGlobalDefaults() throws Exception {
    PlanetScaleBranchStep step = new PlanetScaleBranchStep(" app ");
    step.setOrganization("other");
    step.setPasswordRole("READER");
    step.setPasswordTtl("1h30m");
    BranchSettings s = BranchSettings.of(step, host.defaults);
    assertThat(s.organization).isEqualTo("other");
    assertThat(s.database).isEqualTo("app");
    assertThat(s.credentialsId).isEqualTo("ps");
    assertThat(s.passwordRole.apiValue()).isEqualTo("reader");
    assertThat(s.passwordTtl).isEqualTo(Duration.ofMinutes(90));
    assertThat(s.envPrefix).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"90s,90", "10m,600", "1h30m,5400", "2d,172800", "1H,3600"})
  void durationsUseTheActionsSpelling(String text, long seconds) throws Exception {
    assertThat(Durations.parse(text, "x")).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @CsvSource({"10", "m", "1h 30m", "-5m", "1w", "0s"})
  void malformedDurationsAreRejected(String text) {
    assertThatThrownBy(() -> Durations.parse(text, "olderThan"))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("olderThan must be a positive duration");
  }

  @Test
  void formChecksAgreeWithTheBuild() {
    PlanetScaleBranchStep.DescriptorImpl d = new PlanetScaleBranchStep.DescriptorImpl();
    assertThat(d.doCheckBranch("ok-name").kind).isEqualTo(FormValidation.Kind.OK);
    FormValidation bad = d.doCheckBranch("Bad_Name");
    assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(bad.getMessage())
        .startsWith("invalid branch name")
        .doesNotContain("[planetscale-ci");
    assertThat(d.doCheckWaitTimeout("").kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(d.doCheckWaitTimeout("soon").kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(d.doCheckDatabase(" ").kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(d.doCheckApiUrl("http://127.0.0.1:8080/v1").kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(d.doFillPasswordRoleItems()).extracting(o -> o.value).first().isEqualTo("admin");
  }
}
