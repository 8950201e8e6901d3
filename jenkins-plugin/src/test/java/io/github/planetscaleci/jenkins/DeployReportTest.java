package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * planetscaleDeployRequest reports on the build page and in one sticky pull-request comment (a fake
 * GitHub), after a preview and after a refused deploy alike, and never shows a secret.
 */
class DeployReportTest {
  private static final String DB = "deployreport";
  private static final String GITHUB_TOKEN = "ghp_CANARYgithubTOKEN0123456789";
  private static final String MARKER =
      "<!-- planetscale-ci:deploy-request acme/deployreport into main -->";

  @RegisterExtension
  static final EmulatorBuilds builds = new EmulatorBuilds(DB, SharedEmulator.SEED, "", "shop");

  private final AtomicReference<String> password = new AtomicReference<>();
  private final AtomicReference<String> databaseUrl = new AtomicReference<>();
  private FakeGitHub github;

  @BeforeEach
  void start() throws Exception {
    builds.host().gitHubTokens.put("github", GITHUB_TOKEN);
    github = new FakeGitHub();
  }

  @AfterEach
  void stop() throws Exception {
    github.close();
    assertThat(github.unmatched).as("requests the fake GitHub does not serve").isEmpty();
    assertThat(github.authorizations).allMatch(a -> a.endsWith(GITHUB_TOKEN));
    assertThat(builds.log().text())
        .doesNotContain(SharedEmulator.TOKEN_SECRET)
        .doesNotContain(GITHUB_TOKEN)
        .doesNotContain(password.get())
        .doesNotContain(databaseUrl.get());
    assertThat(builds.stats().branches()).isZero();
  }

  private PlanetScaleDeployRequestStep commenting(boolean deploy) {
    PlanetScaleDeployRequestStep s = new PlanetScaleDeployRequestStep();
    s.setDeploy(deploy);
    s.setGithubCredentialsId("github");
    s.setGithubRepository("acme/shop");
    s.setGithubApiUrl(github.url());
    return s;
  }

  /** A build of pull request 42 (CHANGE_ID) whose block changes the schema and runs the step. */
  private Object build(FakeJenkins.FakeRun run, String ddl, PlanetScaleDeployRequestStep step)
      throws Exception {
    EnvVars env = new EnvVars();
    env.put("CHANGE_ID", "42");
    FakeStepContext ctx =
        new FakeStepContext(
            body -> {
              EnvVars e = body.get(EnvVars.class);
              password.set(e.get("DATABASE_PASSWORD"));
              databaseUrl.set(e.get("DATABASE_URL"));
              EmulatorBuilds.execute(e, ddl);
              return body.runStep(step);
            },
            List.of(run, builds.log().listener, env));
    new PlanetScaleBranchStep(DB).start(ctx).start();
    return ctx.result();
  }

  private static FakeJenkins.FakeRun nextRun() {
    return builds.nextRun();
  }

  @Test
  void aPreviewIsPostedAsTheStickyCommentAndARefusedDeployUpdatesIt() throws Exception {
    build(nextRun(), "CREATE TABLE coupons (id BIGINT NOT NULL PRIMARY KEY)", commenting(false));

    assertThat(github.bodiesOn(42))
        .singleElement()
        .satisfies(
            body ->
                assertThat(body)
                    .startsWith(MARKER + "\n")
                    .contains("coupons")
                    .doesNotContain(password.get())
                    .doesNotContain(SharedEmulator.TOKEN_SECRET)
                    .doesNotContain(GITHUB_TOKEN));
    assertThat(builds.log().text()).contains("Commented on acme/shop pull request #42.");

    FakeJenkins.FakeRun refused = nextRun();
    assertThatThrownBy(
            () -> build(refused, "ALTER TABLE users DROP COLUMN email", commenting(true)))
        .isInstanceOf(AbortException.class)
        .hasMessageStartingWith("[planetscale-ci data_loss_blocked]");

    String body = github.bodiesOn(42).get(0);
    assertThat(github.bodiesOn(42)).as("the same sticky comment, updated").hasSize(1);
    assertThat(body)
        .startsWith(MARKER + "\n")
        .contains("Schema deploy of `ci-jenkins-shop-b")
        .contains("failed")
        .contains("(exit code 21)") // data_loss_blocked, Markdown-escaped by core
        .contains("can drop data")
        .contains("users")
        .doesNotContain(password.get())
        .doesNotContain(databaseUrl.get())
        .doesNotContain(SharedEmulator.TOKEN_SECRET)
        .doesNotContain(GITHUB_TOKEN);
    assertThat(refused.getActions(DeployRequestSummaryAction.class))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.getText())
                    .contains("FAILED [data_loss_blocked]")
                    .contains("can drop data")
                    .contains("-> main")
                    .doesNotContain(password.get())
                    .doesNotContain(SharedEmulator.TOKEN_SECRET));
  }

  @Test
  void aFailedRequestIsSummarisedOnTheBuildPageWithoutAComment() throws Exception {
    PlanetScaleDeployRequestStep intoMissing = new PlanetScaleDeployRequestStep();
    intoMissing.setDeploy(true);
    intoMissing.setInto("no-such-branch");
    FakeJenkins.FakeRun run = nextRun();

    assertThatThrownBy(
            () -> build(run, "CREATE TABLE vouchers (id BIGINT NOT NULL PRIMARY KEY)", intoMissing))
        .isInstanceOf(AbortException.class)
        .hasMessageStartingWith("[planetscale-ci ");

    assertThat(run.getActions(DeployRequestSummaryAction.class))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.getText())
                    .contains("-> no-such-branch")
                    .contains("FAILED [")
                    .doesNotContain(SharedEmulator.TOKEN_SECRET));
    assertThat(github.bodiesOn(42)).isEmpty();
  }
}
