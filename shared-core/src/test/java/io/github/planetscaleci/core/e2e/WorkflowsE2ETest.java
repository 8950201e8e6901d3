package io.github.planetscaleci.core.e2e;

import static io.github.planetscaleci.core.e2e.EmulatorHarness.FAST;
import static io.github.planetscaleci.core.e2e.EmulatorHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.workflow.CloseOptions;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOptions;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import io.github.planetscaleci.core.workflow.OpenBranchRequest;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import io.github.planetscaleci.core.workflow.SweepOptions;
import io.github.planetscaleci.core.workflow.SweepResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workflows end to end against the emulator: real branches, credentials and deploys. */
class WorkflowsE2ETest {
  static final String SEED =
      "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);"
          + "INSERT INTO users VALUES (1, 'ada'), (2, 'grace'), (3, 'linus');";
  static EmulatorHarness h;

  @BeforeAll
  static void start() {
    h = new EmulatorHarness(EmulatorHarness.fastRetries());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private OpenedBranch open(DatabaseRef db, String name) {
    return h.workflows.openBranch(
        new OpenBranchRequest(db, name, null, false, null, null, FAST, null));
  }

  private DeployRequestOptions deploy(
      DatabaseRef db, String branch, boolean allowDataLoss, boolean gated, boolean apply) {
    return new DeployRequestOptions(
        db,
        branch,
        null,
        DeployMode.DEPLOY,
        allowDataLoss,
        gated,
        apply,
        true,
        false,
        null,
        FAST,
        FAST);
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void openAndCloseLeaveNothingBehind() throws Exception {
    DatabaseRef db = h.database("openclose", SEED);
    OpenedBranch opened = open(db, "ci-open-close");
    assertThat(opened.created()).isTrue();
    assertThat(opened.connection().tls()).isFalse();
    try (Connection c = EmulatorHarness.connect(opened.connection())) {
      assertThat(count(c, "SELECT COUNT(*) FROM users")).isZero(); // schema only, no data
    }
    assertThat(h.workflows.closeBranch(opened.lease(), CloseOptions.defaults()).branchDeleted())
        .isTrue();
    assertThat(h.workflows.closeBranch(opened.lease(), CloseOptions.defaults()).alreadyGone())
        .isTrue();
    h.assertNothingLeft(db);
  }

  @Test
  void credentialsReachOnlyTheirOwnBranch() throws Exception {
    DatabaseRef db = h.database("isolation", SEED);
    OpenedBranch a = open(db, "ci-iso-a");
    OpenedBranch b = open(db, "ci-iso-b");
    exec(a.connection(), "INSERT INTO users VALUES (10, 'only-a')");
    try (Connection c = EmulatorHarness.connect(a.connection())) {
      assertThatThrownBy(
              () -> count(c, "SELECT COUNT(*) FROM `" + b.connection().database() + "`.users"))
          .isInstanceOf(SQLException.class);
    }
    try (Connection c = EmulatorHarness.connect(b.connection())) {
      assertThat(count(c, "SELECT COUNT(*) FROM users")).isZero();
    }
    h.workflows.closeBranch(a.lease(), null);
    h.workflows.closeBranch(b.lease(), null);
    assertThatThrownBy(() -> EmulatorHarness.connect(a.connection()))
        .isInstanceOf(SQLException.class);
    h.assertNothingLeft(db);
  }

  @Test
  void previewReportsTheDiffAndClosesTheRequest() throws Exception {
    DatabaseRef db = h.database("preview", SEED);
    OpenedBranch br = open(db, "ci-preview");
    exec(br.connection(), "ALTER TABLE users ADD COLUMN age INT");
    DeployRequestOutcome out =
        h.workflows.deployRequest(
            new DeployRequestOptions(
                db,
                "ci-preview",
                null,
                DeployMode.PREVIEW,
                false,
                false,
                true,
                false,
                true,
                null,
                FAST,
                FAST));
    assertThat(out.closed()).isTrue();
    assertThat(out.diff()).anySatisfy(d -> assertThat(d.raw()).contains("age"));
    assertThat(out.operations())
        .anySatisfy(op -> assertThat(op.operationName()).isEqualTo("ALTER"));
    assertThat(out.canDropData()).isFalse();
    h.workflows.closeBranch(br.lease(), null);
    h.assertNothingLeft(db);
  }

  @Test
  void deployKeepsTheRowsAndAddsTheColumn() throws Exception {
    DatabaseRef db = h.database("deployrows", SEED);
    OpenedBranch br = open(db, "ci-rows");
    exec(
        br.connection(),
        "ALTER TABLE users ADD COLUMN email VARCHAR(100), ADD INDEX idx_name (name)");
    DeployRequestOutcome out = h.workflows.deployRequest(deploy(db, "ci-rows", false, false, true));
    assertThat(out.deployed()).isTrue();
    assertThat(out.finalState()).isEqualTo(DeploymentState.COMPLETE);
    try (Connection main = h.admin(db, "main")) {
      assertThat(count(main, "SELECT COUNT(*) FROM users WHERE name IN ('ada','grace','linus')"))
          .isEqualTo(3);
      assertThat(count(main, "SELECT COUNT(email) + COUNT(*) FROM users")).isEqualTo(3);
    }
    h.workflows.closeBranch(br.lease(), null);
    h.assertNothingLeft(db);
  }

  @Test
  void gatedDeployStopsAtCutoverUntilApplied() throws Exception {
    DatabaseRef db = h.database("gated", SEED);
    OpenedBranch br = open(db, "ci-gated");
    exec(br.connection(), "ALTER TABLE users ADD COLUMN gated INT");
    DeployRequestOutcome waiting =
        h.workflows.deployRequest(deploy(db, "ci-gated", false, true, false));
    assertThat(waiting.finalState()).isEqualTo(DeploymentState.PENDING_CUTOVER);
    assertThat(waiting.deployed()).isFalse();
    DeployRequestOutcome applied =
        h.workflows.deployRequest(deploy(db, "ci-gated", false, true, true));
    assertThat(applied.created()).isFalse();
    assertThat(applied.deployed()).isTrue();
    try (Connection main = h.admin(db, "main")) {
      assertThat(count(main, "SELECT COUNT(gated) + COUNT(*) FROM users")).isEqualTo(3);
    }
    h.workflows.closeBranch(br.lease(), null);
    h.assertNothingLeft(db);
  }

  @Test
  void dataLossIsBlockedUntilAllowed() throws Exception {
    DatabaseRef db = h.database("dataloss", SEED);
    OpenedBranch br = open(db, "ci-drop");
    exec(br.connection(), "ALTER TABLE users DROP COLUMN name");
    assertThatThrownBy(() -> h.workflows.deployRequest(deploy(db, "ci-drop", false, false, true)))
        .isInstanceOf(PlanetScaleCiException.class)
        .hasMessageContaining("users")
        .satisfies(
            e ->
                assertThat(((PlanetScaleCiException) e).code())
                    .isEqualTo(ErrorCode.DATA_LOSS_BLOCKED));
    // The refused request was opened by that run, so it was closed: nothing is left half-open.
    assertThat(h.emulator.stats().of("acme", "dataloss").openDeployRequests()).isZero();
    DeployRequestOutcome out = h.workflows.deployRequest(deploy(db, "ci-drop", true, false, true));
    assertThat(out.deployed()).isTrue();
    assertThat(out.created()).isTrue();
    try (Connection main = h.admin(db, "main")) {
      assertThat(
              count(
                  main,
                  "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()"
                      + " AND table_name = 'users' AND column_name = 'name'"))
          .isZero();
    }
    h.workflows.closeBranch(br.lease(), null);
    h.assertNothingLeft(db);
  }

  @Test
  void lintErrorsRefuseTheDeploy() throws Exception {
    DatabaseRef db = h.database("lint", SEED);
    OpenedBranch br = open(db, "ci-lint");
    exec(br.connection(), "CREATE TABLE audit_log (msg VARCHAR(100))");
    assertThatThrownBy(() -> h.workflows.deployRequest(deploy(db, "ci-lint", false, false, true)))
        .isInstanceOf(PlanetScaleCiException.class)
        .hasMessageContaining("audit_log")
        .satisfies(
            e -> assertThat(((PlanetScaleCiException) e).code()).isEqualTo(ErrorCode.LINT_FAILED));
    try (Connection main = h.admin(db, "main")) {
      assertThat(
              count(
                  main,
                  "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                      + " AND table_name = 'audit_log'"))
          .isZero();
    }
    h.workflows.closeBranch(br.lease(), new CloseOptions(true, false));
  }

  @Test
  void noChangesClosesTheRequest() {
    DatabaseRef db = h.database("nochanges", SEED);
    OpenedBranch br = open(db, "ci-same");
    DeployRequestOutcome out = h.workflows.deployRequest(deploy(db, "ci-same", false, false, true));
    assertThat(out.noChanges()).isTrue();
    assertThat(out.closed()).isTrue();
    h.workflows.closeBranch(br.lease(), null);
    h.assertNothingLeft(db);
  }

  @Test
  void twoDeployRequestsIntoOneTargetBothLand() throws Exception {
    DatabaseRef db = h.database("twodrs", SEED);
    OpenedBranch a = open(db, "ci-two-a");
    OpenedBranch b = open(db, "ci-two-b");
    exec(a.connection(), "CREATE TABLE from_a (id INT PRIMARY KEY)");
    exec(b.connection(), "CREATE TABLE from_b (id INT PRIMARY KEY)");
    CompletableFuture<DeployRequestOutcome> fa =
        CompletableFuture.supplyAsync(
            () -> h.workflows.deployRequest(deploy(db, "ci-two-a", false, false, true)));
    CompletableFuture<DeployRequestOutcome> fb =
        CompletableFuture.supplyAsync(
            () -> h.workflows.deployRequest(deploy(db, "ci-two-b", false, false, true)));
    assertThat(fa.get().deployed()).isTrue();
    assertThat(fb.get().deployed()).isTrue();
    try (Connection main = h.admin(db, "main")) {
      assertThat(
              count(
                  main,
                  "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                      + " AND table_name IN ('from_a', 'from_b')"))
          .isEqualTo(2);
    }
    h.workflows.closeBranch(a.lease(), null);
    h.workflows.closeBranch(b.lease(), null);
    h.assertNothingLeft(db);
  }

  @Test
  void sweepDeletesStaleToolBranchesOnly() throws Exception {
    DatabaseRef db = h.database("sweep", SEED);
    open(db, "ci-pr-1-r1-a1");
    open(db, "ci-jenkins-app-b2");
    open(db, "feature-kept");
    open(db, "ci-infra");
    exec(open(db, "ci-gh-main-r3-a1").connection(), "ALTER TABLE users ADD COLUMN x INT");
    h.workflows.deployRequest(
        new DeployRequestOptions(
            db,
            "ci-gh-main-r3-a1",
            null,
            DeployMode.PREVIEW,
            false,
            false,
            true,
            false,
            false,
            null,
            FAST,
            FAST));
    Thread.sleep(5); // creation times strictly before the cutoff

    SweepResult dry = h.workflows.sweep(new SweepOptions(db, Duration.ZERO, true));
    assertThat(dry.deleted()).containsExactlyInAnyOrder("ci-pr-1-r1-a1", "ci-jenkins-app-b2");
    assertThat(h.emulator.stats().of("acme", "sweep").branches()).isEqualTo(5);

    SweepResult real = h.workflows.sweep(new SweepOptions(db, Duration.ZERO, false));
    assertThat(real.deleted()).containsExactlyInAnyOrder("ci-pr-1-r1-a1", "ci-jenkins-app-b2");
    assertThat(real.kept())
        .singleElement()
        .asString()
        .startsWith("ci-gh-main-r3-a1: open deploy request #");
    assertThat(h.emulator.stats().of("acme", "sweep").branches()).isEqualTo(3);
    SweepResult young = h.workflows.sweep(new SweepOptions(db, Duration.ofHours(1), false));
    assertThat(young.deleted()).isEmpty();

    // The preview above stands for a job killed before it closed its request: this tool opened
    // it (its notes carry the mark), so a sweep asked to close stale requests closes it.
    SweepResult closing =
        h.workflows.sweep(new SweepOptions(db, Duration.ZERO, false).withCloseStaleRequests(true));
    assertThat(closing.closedRequests())
        .singleElement()
        .asString()
        .endsWith("(ci-gh-main-r3-a1 -> main)");
    assertThat(closing.deleted()).containsExactly("ci-gh-main-r3-a1");
    assertThat(h.emulator.stats().of("acme", "sweep").branches()).isEqualTo(2);
  }
}
