package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.util.FormValidation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An API URL that may carry a secret (user info, a query, a fragment, a malformed or relative
 * value) fails the step and the form check with a specific message that never shows the secret: not
 * in the message, not in a cause, not in the build log.
 */
class ApiUrlSecretsTest {
  private static final String CANARY = "canary";

  private final FakeHost host = new FakeHost().token("ps", "id", "secret");
  private final SharedEmulator.Log log = new SharedEmulator.Log();
  private AutoCloseable override;

  @BeforeEach
  void install() {
    host.defaults = new Host.Defaults("acme", "ps", null);
    override = Host.override(host);
  }

  @AfterEach
  void remove() throws Exception {
    override.close();
    assertThat(host.lookups).as("failed before any credential lookup").hasValue(0);
    assertThat(log.text()).doesNotContainIgnoringCase(CANARY);
  }

  /** URL, then a part of the message that says what is wrong and what to do. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:canary-secret@api.example.com/v1 | must not contain a user name or password",
        "https://canary-secret@api.example.com/v1 | must not contain a user name or password",
        // a '/' in the password cuts the authority short: still user info
        "https://user:can/ary-secret@api.example.com/v1 | must not contain a user name or password",
        "https://user:canary secret@api.example.com/v1 | must not contain a user name or password",
        "https://api.example.com/v1/canary secret | is not a valid URL (illegal character in path",
        "https://api.example.com/v1/%zzcanary | is not a valid URL (malformed escape pair",
        "https://api.example.com/v1?token=canary-secret | must not have a query",
        "https://api.example.com/v1#canary-secret | must not have a query (?...) or fragment",
        "https://api.example.com/v1?note=a@canary-secret | must not have a query",
        "pscale_tkn_canarysecret | is not an absolute URL with a scheme and host",
        "canary-secret@api.example.com/v1 | must not contain a user name or password",
      })
  void aUrlThatMayHoldASecretFailsEveryStepWithoutShowingIt(String url, String says) {
    PlanetScaleBranchStep branch = new PlanetScaleBranchStep("app");
    branch.setApiUrl(url);
    PlanetScaleSweepStep sweep = new PlanetScaleSweepStep("app");
    sweep.setApiUrl(url);
    PlanetScaleDeployRequestStep deploy = new PlanetScaleDeployRequestStep();
    deploy.setDatabase("app");
    deploy.setBranch("ci-feature");
    deploy.setApiUrl(url);
    for (Step step : List.of(branch, sweep, deploy)) {
      AbortException e = rejected(step);
      assertThat(e.getMessage())
          .startsWith("[planetscale-ci configuration] the API URL")
          .contains(says)
          .containsAnyOf("such as https://api.planetscale.com/v1", "use the service token")
          .doesNotContainIgnoringCase(CANARY);
    }
  }

  /** URL, then what the message says: one of each kind of refusal. */
  static Stream<Arguments> oneUrlOfEachKind() {
    return Stream.of(
        Arguments.of(
            "https://user:canary-secret@api.example.com/v1",
            "must not contain a user name or password"),
        Arguments.of("https://api.example.com/v1/canary secret", "is not a valid URL"),
        Arguments.of("https://api.example.com/v1?token=canary-secret", "must not have a query"),
        Arguments.of("pscale_tkn_canarysecret", "is not an absolute URL"));
  }

  @ParameterizedTest
  @MethodSource("oneUrlOfEachKind")
  void theGlobalDefaultIsCheckedTheSameWay(String url, String says) {
    host.defaults = new Host.Defaults("acme", "ps", url);
    assertThat(rejected(new PlanetScaleBranchStep("app")).getMessage())
        .contains(says)
        .doesNotContainIgnoringCase(CANARY);
  }

  @ParameterizedTest
  @MethodSource("oneUrlOfEachKind")
  void everyFormCheckSaysWhatIsWrongWithoutShowingIt(String url, String says) {
    List<FormValidation> checks =
        List.of(
            new PlanetScaleBranchStep.DescriptorImpl().doCheckApiUrl(url),
            new PlanetScaleDeployRequestStep.DescriptorImpl().doCheckApiUrl(url),
            new PlanetScaleSweepStep.DescriptorImpl().doCheckApiUrl(url),
            new PlanetScaleGlobalConfiguration(false).doCheckApiUrl(url));
    for (FormValidation v : checks) {
      assertThat(v.kind).isEqualTo(FormValidation.Kind.ERROR);
      assertThat(v.getMessage())
          .startsWith("the API URL")
          .contains(says)
          .doesNotContainIgnoringCase(CANARY);
    }
  }

  /** The plugin checks the GitHub API URL with core's rules before any call. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://user:canary-secret@ghe.example.com/api/v3 | must not contain a user name or password",
        "https://user:can/ary-secret@ghe.example.com/api/v3 | must not contain a user name or password",
        "https://user:canary secret@ghe.example.com/api/v3 | must not contain a user name or password",
        "https://ghe.example.com/api/v3/canary secret | is not a valid URL (illegal character in path",
        "https://ghe.example.com/api/v3?access_token=canary-secret | must not have a query",
        "ghp_canarysecret | is not an absolute URL",
      })
  void aGitHubApiUrlThatMayHoldASecretIsRefusedWithoutShowingIt(String url, String says) {
    PlanetScaleDeployRequestStep deploy = new PlanetScaleDeployRequestStep();
    deploy.setDatabase("app");
    deploy.setBranch("ci-feature");
    deploy.setGithubCredentialsId("github");
    deploy.setGithubRepository("acme/shop");
    deploy.setGithubApiUrl(url);
    assertThat(rejected(deploy).getMessage())
        .startsWith("[planetscale-ci configuration] the GitHub API URL")
        .contains(says)
        .doesNotContainIgnoringCase(CANARY);
    FormValidation form =
        new PlanetScaleDeployRequestStep.DescriptorImpl().doCheckGithubApiUrl(url);
    assertThat(form.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(form.getMessage()).contains(says).doesNotContainIgnoringCase(CANARY);
  }

  @Test
  void aGoodGitHubApiUrlPassesAndPlainHttpIsRefusedByCore() {
    PlanetScaleDeployRequestStep.DescriptorImpl d =
        new PlanetScaleDeployRequestStep.DescriptorImpl();
    assertThat(d.doCheckGithubApiUrl("").kind).isEqualTo(FormValidation.Kind.OK);
    assertThat(d.doCheckGithubApiUrl("https://ghe.example.com/api/v3").kind)
        .isEqualTo(FormValidation.Kind.OK);
    assertThat(d.doCheckGithubApiUrl("http://127.0.0.1:9999").kind)
        .isEqualTo(FormValidation.Kind.OK);
    FormValidation http = d.doCheckGithubApiUrl("http://ghe.example.com/api/v3?t=canary");
    assertThat(http.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(http.getMessage()).contains("must not have a query").doesNotContain(CANARY);
    FormValidation plain = d.doCheckGithubApiUrl("http://ghe.example.com/api/v3");
    assertThat(plain.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(plain.getMessage()).contains("must use https");
  }

  @Test
  void goodUrlsPassAndAUrlWithoutSecretsIsStillShownInItsMessage() {
    PlanetScaleBranchStep.DescriptorImpl d = new PlanetScaleBranchStep.DescriptorImpl();
    assertThat(d.doCheckApiUrl("https://api.planetscale.com/v1").kind)
        .isEqualTo(FormValidation.Kind.OK);
    assertThat(d.doCheckApiUrl(" http://127.0.0.1:8080/v1 ").kind)
        .isEqualTo(FormValidation.Kind.OK);
    assertThat(d.doCheckApiUrl("http://[::1]:8080/v1").kind).isEqualTo(FormValidation.Kind.OK);
    // any '@' before the query counts as user info: a password holding '/' would pass as a path
    assertThat(d.doCheckApiUrl("https://ci:2024/canary@api.example.com/v1").getMessage())
        .contains("must not contain a user name or password")
        .doesNotContain(CANARY);
    FormValidation http = d.doCheckApiUrl("http://api.example.com/v1");
    assertThat(http.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(http.getMessage()).contains("http://api.example.com/v1").contains("must use https");
    // the query is dropped before core may show the rest of the URL
    FormValidation httpQuery = d.doCheckApiUrl("http://api.example.com/v1?t=x@canary");
    assertThat(httpQuery.kind).isEqualTo(FormValidation.Kind.ERROR);
    assertThat(httpQuery.getMessage()).doesNotContain(CANARY);
  }

  /**
   * Runs the step as Pipeline would (the deploy step checks its arguments in its execution); the
   * failure, with its causes, goes to the build log.
   */
  private AbortException rejected(Step step) {
    FakeStepContext ctx = SharedEmulator.context(null, FakeJenkins.run("", "j", 1), log);
    try {
      ctx.runStep(step);
    } catch (AbortException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      log.listener.getLogger().println(trace);
      assertThat(trace.toString().toLowerCase(Locale.ROOT)).doesNotContain(CANARY);
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted");
  }
}
