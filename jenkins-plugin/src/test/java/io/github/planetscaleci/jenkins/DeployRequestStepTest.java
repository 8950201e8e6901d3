package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * planetscaleDeployRequest inside withPlanetScaleBranch: preview, deploy and the data-loss gate.
 */
class DeployRequestStepTest {
  private static final String DB = "deploystep";

  @RegisterExtension
  static final EmulatorBuilds builds = new EmulatorBuilds(DB, SharedEmulator.SEED, "", "shop");

  @AfterEach
  void noBranchIsLeft() {
    assertThat(builds.stats().branches()).isZero();
  }

  private static int openRequests() {
    return builds.stats().openDeployRequests();
  }

  private static FakeJenkins.FakeRun nextRun() {
    return builds.nextRun();
  }

  /** Runs withPlanetScaleBranch whose body changes the schema, then calls the deploy step. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> inBlock(
      FakeJenkins.FakeRun run, String ddl, PlanetScaleDeployRequestStep deployStep)
      throws Exception {
    FakeStepContext ctx =
        builds.context(
            body -> {
              EmulatorBuilds.execute(body.get(EnvVars.class), ddl);
              return body.runStep(deployStep);
            },
            run);
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
    assertThat(builds.log().text()).contains("PlanetScale deploy request").contains("orders");
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
    assertThat(builds.log().text()).contains("deleted");
    assertThat(mainTables()).contains("users");
    // the refused request was opened by this build, so it is closed before the branch goes
    assertThat(openRequests()).isEqualTo(open);
  }

  @Test
  void outsideABlockABranchIsRequiredAndNothingIsCalled() throws Exception {
    FakeHost host = builds.host();
    PlanetScaleDeployRequestStep step = new PlanetScaleDeployRequestStep();
    step.setDatabase(DB);
    FakeStepContext ctx = builds.context(null, nextRun());

    assertThatThrownBy(() -> ctx.runStep(step))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("no branch to deploy")
        .hasMessageContaining("withPlanetScaleBranch");
    assertThat(host.lookups).hasValue(0);
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
    assertThat(builds.log().text()).contains("No pull request number (CHANGE_ID is unset)");
  }

  private static List<String> mainTables() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                builds.emulator().adminJdbcUrl(SharedEmulator.ORG, DB, "main"),
                builds.emulator().adminUser(),
                builds.emulator().adminPassword());
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
