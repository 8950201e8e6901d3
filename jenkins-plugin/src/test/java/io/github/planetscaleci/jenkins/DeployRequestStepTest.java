package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * planetscaleDeployRequest inside withPlanetScaleBranch: preview, deploy and the data-loss gate.
 */
class DeployRequestStepTest {
  private static final String DB = "deploystep";
  private static PlanetScaleEmulator emu;
  private static int buildNumber;

  private final SharedEmulator.Log log = new SharedEmulator.Log();
  private AutoCloseable hostOverride;

  @BeforeAll
  static void database() {
    emu = SharedEmulator.get();
    emu.createDatabase(SharedEmulator.ORG, DB, SharedEmulator.SEED);
  }

  @BeforeEach
  void installHost() {
    hostOverride = Host.override(SharedEmulator.host());
  }

  @AfterEach
  void checks() throws Exception {
    hostOverride.close();
    assertThat(log.text()).doesNotContain(SharedEmulator.TOKEN_SECRET);
    assertThat(emu.stats().of(SharedEmulator.ORG, DB).branches()).isZero();
  }

  private static int openRequests() {
    return emu.stats().of(SharedEmulator.ORG, DB).openDeployRequests();
  }

  private static synchronized FakeJenkins.FakeRun nextRun() {
    return FakeJenkins.run("", "shop", ++buildNumber);
  }

  /** Runs withPlanetScaleBranch whose body changes the schema, then calls the deploy step. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> inBlock(
      FakeJenkins.FakeRun run, String ddl, PlanetScaleDeployRequestStep deployStep)
      throws Exception {
    FakeStepContext ctx =
        SharedEmulator.context(
            body -> {
              EnvVars env = body.get(EnvVars.class);
              try (Connection c =
                      DriverManager.getConnection(
                          env.get("DATABASE_JDBC_URL"),
                          env.get("DATABASE_USERNAME"),
                          env.get("DATABASE_PASSWORD"));
                  Statement s = c.createStatement()) {
                s.execute(ddl);
              }
              return body.runStep(deployStep);
            },
            run,
            log);
    new PlanetScaleBranchStep(DB).start(ctx).start();
    return (Map<String, Object>) ctx.result();
  }

  @Test
  void previewReportsTheDiffReturnsTheRequestAndClosesIt() throws Exception {
    FakeJenkins.FakeRun run = nextRun();
    int open = openRequests();
    Map<String, Object> result =
        inBlock(
            run,
            "CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, total INT)",
            new PlanetScaleDeployRequestStep());

    assertThat((Integer) result.get("number")).isPositive();
    assertThat(result)
        .containsEntry("deployed", false)
        .containsEntry("noChanges", false)
        .containsEntry("canDropData", false)
        .containsEntry("into", "main")
        .containsKeys("url", "state");
    assertThat((String) result.get("branch")).startsWith("ci-jenkins-shop-b");
    assertThat(log.text()).contains("PlanetScale deploy request").contains("orders");
    List<DeployRequestSummaryAction> summaries = run.getActions(DeployRequestSummaryAction.class);
    assertThat(summaries).hasSize(1);
    assertThat(summaries.get(0).getText()).contains("orders");
    assertThat(mainTables()).doesNotContain("orders");
    assertThat(openRequests()).isEqualTo(open);
  }

  @Test
  void deployAppliesTheChangeToMain() throws Exception {
    PlanetScaleDeployRequestStep deploy = new PlanetScaleDeployRequestStep();
    deploy.setDeploy(true);
    deploy.setSkipRevert(true);
    Map<String, Object> result =
        inBlock(nextRun(), "CREATE TABLE invoices (id BIGINT NOT NULL PRIMARY KEY)", deploy);

    assertThat(result).containsEntry("deployed", true).containsEntry("state", "complete");
    assertThat(mainTables()).contains("invoices");
  }

  @Test
  void dataLossIsBlockedUnlessAllowed() throws Exception {
    PlanetScaleDeployRequestStep deploy = new PlanetScaleDeployRequestStep();
    deploy.setDeploy(true);
    int open = openRequests();

    assertThatThrownBy(() -> inBlock(nextRun(), "ALTER TABLE users DROP COLUMN email", deploy))
        .isInstanceOf(AbortException.class)
        .hasMessageStartingWith("[planetscale-ci data_loss_blocked]");
    assertThat(log.text()).contains("deleted");
    assertThat(mainTables()).contains("users");
    // the refused request was opened by this build, so it is closed before the branch goes
    assertThat(openRequests()).isEqualTo(open);
  }

  @Test
  void outsideABlockABranchIsRequiredAndNothingIsCalled() throws Exception {
    FakeHost host = SharedEmulator.host();
    try (AutoCloseable ignored = Host.override(host)) {
      PlanetScaleDeployRequestStep step = new PlanetScaleDeployRequestStep();
      step.setDatabase(DB);
      FakeStepContext ctx = SharedEmulator.context(null, nextRun(), log);

      assertThatThrownBy(() -> ctx.runStep(step))
          .isInstanceOf(AbortException.class)
          .hasMessageContaining("no branch to deploy")
          .hasMessageContaining("withPlanetScaleBranch");
      assertThat(host.lookups).hasValue(0);
    }
  }

  @Test
  void aGitHubCommentNeedsARepositoryAndWithoutAPullRequestIsSkipped() throws Exception {
    PlanetScaleDeployRequestStep noRepo = new PlanetScaleDeployRequestStep();
    noRepo.setGithubCredentialsId("github");
    assertThatThrownBy(() -> inBlock(nextRun(), "CREATE TABLE a1 (id INT PRIMARY KEY)", noRepo))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("githubRepository is required");

    PlanetScaleDeployRequestStep noPr = new PlanetScaleDeployRequestStep();
    noPr.setGithubCredentialsId("github");
    noPr.setGithubRepository("acme/shop");
    inBlock(nextRun(), "CREATE TABLE a2 (id INT PRIMARY KEY)", noPr);
    assertThat(log.text()).contains("No pull request number (CHANGE_ID is unset)");
  }

  private static List<String> mainTables() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                emu.adminJdbcUrl(SharedEmulator.ORG, DB, "main"),
                emu.adminUser(),
                emu.adminPassword());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW TABLES")) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
