package io.github.planetscaleci.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.planetscaleci.emulator.support.Api;
import io.github.planetscaleci.emulator.support.EmulatorTestBase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployRequestsTest extends EmulatorTestBase {
  private int dbCounter;

  /** A fresh database per test keeps the target's queue and schema independent. */
  private String freshDb() {
    String name = "app" + (++dbCounter);
    emu.createDatabase("acme", name, SEED);
    return name;
  }

  private void onBranch(String dbName, String branch, String... sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                emu.adminJdbcUrl("acme", dbName, branch), emu.adminUser(), emu.adminPassword());
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private List<String> columns(String dbName, String table) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                emu.adminJdbcUrl("acme", dbName, "main"), emu.adminUser(), emu.adminPassword());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW COLUMNS FROM " + table)) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }

  private long rows(String dbName) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                emu.adminJdbcUrl("acme", dbName, "main"), emu.adminUser(), emu.adminPassword());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private int open(String dbName, String branch, String extra) {
    Api.Reply r =
        api.post(
            db("acme", dbName) + "/deploy-requests",
            "{\"branch\":\"" + branch + "\"" + (extra == null ? "" : "," + extra) + "}");
    assertThat(r.status()).as("create DR: %s", r.json()).isEqualTo(201);
    assertThat(r.json().path("state").asText()).isEqualTo("open");
    assertThat(r.json().path("deployment_state").asText()).isEqualTo("pending");
    assertThat(r.json().path("deployment").path("state").asText()).isEqualTo("pending");
    return r.json().path("number").asInt();
  }

  private JsonNode post(String dbName, int n, String action) {
    Api.Reply r = api.post(db("acme", dbName) + "/deploy-requests/" + n + "/" + action, "{}");
    assertThat(r.status()).as("%s: %s", action, r.json()).isEqualTo(200);
    assertThat(r.json().path("deployment_state").asText())
        .isEqualTo(r.json().path("deployment").path("state").asText());
    return r.json();
  }

  @Test
  void deployAddsColumnKeepsRowsAndSkipRevertCompletes() throws SQLException {
    String d = freshDb();
    readyBranch("acme", d, "add-col", null);
    onBranch(
        d,
        "add-col",
        "ALTER TABLE users ADD COLUMN nickname VARCHAR(40)",
        "CREATE INDEX idx_email ON users (email)");
    int n = open(d, "add-col", null);
    assertThat(n).isEqualTo(1);
    JsonNode ready = awaitDeployState("acme", d, n, "ready");
    assertThat(ready.path("deployment").path("deployable").asBoolean()).isTrue();
    assertThat(ready.path("into_branch").asText()).isEqualTo("main");
    JsonNode op = ready.path("deployment").path("deploy_operations").get(0);
    assertThat(op.path("operation_name").asText()).isEqualTo("ALTER");
    assertThat(op.path("table_name").asText()).isEqualTo("users");
    assertThat(op.path("can_drop_data").asBoolean()).isFalse();
    assertThat(op.path("ddl_statement").asText()).containsIgnoringCase("nickname");
    JsonNode diff = api.get(db("acme", d) + "/deploy-requests/" + n + "/diff").json();
    assertThat(diff.path("data").get(0).path("name").asText()).isEqualTo("users");
    assertThat(diff.path("data").get(0).path("raw").asText()).contains("+");

    assertThat(post(d, n, "deploy").path("deployment_state").asText()).isEqualTo("queued");
    JsonNode done = awaitDeployState("acme", d, n, "complete_pending_revert");
    assertThat(done.path("state").asText()).isEqualTo("open");
    assertThat(done.path("deployed_at").isNull()).isFalse();
    assertThat(
            done.path("deployment")
                .path("deployment_revert_request")
                .path("waiting_period_end_at")
                .asText())
        .isNotEmpty();
    assertThat(columns(d, "users")).contains("nickname");
    assertThat(rows(d)).isEqualTo(3);

    JsonNode skipped = post(d, n, "skip-revert");
    assertThat(skipped.path("deployment_state").asText()).isEqualTo("complete");
    assertThat(skipped.path("state").asText()).isEqualTo("closed");
    JsonNode deployment = api.get(db("acme", d) + "/deploy-requests/" + n + "/deployment").json();
    assertThat(deployment.path("state").asText()).isEqualTo("complete");
    assertThat(deployment.path("deploy_request_number").asInt()).isEqualTo(n);
  }

  @Test
  void gatedCutoverWaitsForApplyDeployThenRevertRestoresSchema() throws SQLException {
    String d = freshDb();
    readyBranch("acme", d, "gated", null);
    onBranch(d, "gated", "ALTER TABLE users ADD COLUMN age INT");
    int n = open(d, "gated", "\"auto_cutover\":false");
    awaitDeployState("acme", d, n, "ready");
    post(d, n, "deploy");
    JsonNode waiting = awaitDeployState("acme", d, n, "pending_cutover");
    assertThat(waiting.path("deployment").path("ready_to_cutover_at").isNull()).isFalse();
    assertThat(columns(d, "users")).doesNotContain("age");
    post(d, n, "apply-deploy");
    awaitDeployState("acme", d, n, "complete_pending_revert");
    assertThat(columns(d, "users")).contains("age");

    post(d, n, "revert");
    JsonNode reverted = awaitDeployState("acme", d, n, "complete_revert");
    assertThat(reverted.path("state").asText()).isEqualTo("closed");
    assertThat(reverted.path("closed_at").isNull()).isFalse();
    assertThat(columns(d, "users")).doesNotContain("age");
    assertThat(rows(d)).isEqualTo(3);
  }

  @Test
  void cancelAGatedDeploy() throws SQLException {
    String d = freshDb();
    readyBranch("acme", d, "cancel-me", null);
    onBranch(d, "cancel-me", "ALTER TABLE users ADD COLUMN z INT");
    int n = open(d, "cancel-me", "\"auto_cutover\":false");
    awaitDeployState("acme", d, n, "ready");
    post(d, n, "deploy");
    awaitDeployState("acme", d, n, "pending_cutover");
    post(d, n, "cancel");
    awaitDeployState("acme", d, n, "complete_cancel");
    assertThat(columns(d, "users")).doesNotContain("z");
    assertThat(api.post(db("acme", d) + "/deploy-requests/" + n + "/cancel", "{}").status())
        .isEqualTo(422);
  }

  @Test
  void noChangesAndLintErrorAndClose() throws SQLException {
    String d = freshDb();
    readyBranch("acme", d, "same", null);
    int same = open(d, "same", null);
    awaitDeployState("acme", d, same, "no_changes");
    assertThat(api.post(db("acme", d) + "/deploy-requests/" + same + "/deploy", "{}").status())
        .isEqualTo(422);

    readyBranch("acme", d, "bad", null);
    onBranch(d, "bad", "CREATE TABLE nokey (a INT)");
    int bad = open(d, "bad", null);
    JsonNode error = awaitDeployState("acme", d, bad, "error");
    assertThat(error.path("deployment").path("deployable").asBoolean()).isFalse();
    assertThat(error.path("deployment").path("lint_errors").get(0).path("lint_error").asText())
        .isEqualTo("NO_UNIQUE_KEY");

    Api.Reply closed =
        api.patch(db("acme", d) + "/deploy-requests/" + bad, "{\"state\":\"closed\"}");
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.json().path("state").asText()).isEqualTo("closed");
    assertThat(emu.stats().of("acme", d).openDeployRequests()).isEqualTo(1);
  }

  @Test
  void createChecks() {
    String d = freshDb();
    readyBranch("acme", d, "dev", null);
    readyBranch("acme", d, "dev2", null);
    Api.Reply notProd =
        api.post(
            db("acme", d) + "/deploy-requests", "{\"branch\":\"dev2\",\"into_branch\":\"dev\"}");
    assertThat(notProd.status()).isEqualTo(422);
    assertThat(notProd.json().path("message").asText())
        .isEqualTo("Database branch dev is not a production branch.");
    assertThat(api.post(db("acme", d) + "/deploy-requests", "{\"branch\":\"nope\"}").status())
        .isEqualTo(404);
    open(d, "dev", null);
    assertThat(api.post(db("acme", d) + "/deploy-requests", "{\"branch\":\"dev\"}").status())
        .isEqualTo(422);
  }

  @Test
  void twoDeployRequestsIntoOneTargetApplyInOrder() throws SQLException {
    String d = freshDb();
    readyBranch("acme", d, "first", null);
    readyBranch("acme", d, "second", null);
    onBranch(d, "first", "ALTER TABLE users ADD COLUMN c1 INT");
    onBranch(d, "second", "ALTER TABLE users ADD COLUMN c2 INT");
    int a = open(d, "first", null);
    int b = open(d, "second", null);
    awaitDeployState("acme", d, a, "ready");
    awaitDeployState("acme", d, b, "ready");
    post(d, a, "deploy");
    JsonNode second = post(d, b, "deploy");
    assertThat(
            second
                .path("deployment")
                .path("preceding_deployments")
                .findValuesAsText("deploy_request_number"))
        .containsExactly(String.valueOf(a));
    awaitDeployState("acme", d, a, "complete_pending_revert");
    // The first deploy holds the queue during its revert window.
    assertThat(
            api.get(db("acme", d) + "/deploy-requests/" + b)
                .json()
                .path("deployment_state")
                .asText())
        .isEqualTo("queued");
    post(d, a, "skip-revert");
    awaitDeployState("acme", d, b, "complete_pending_revert");
    assertThat(columns(d, "users")).contains("c1", "c2");
    assertThat(rows(d)).isEqualTo(3);

    JsonNode list = api.get(db("acme", d) + "/deploy-requests").json();
    assertThat(list.path("data").findValuesAsText("number"))
        .containsExactly(String.valueOf(b), String.valueOf(a));
    assertThat(
            api.get(db("acme", d) + "/deploy-requests?state=open")
                .json()
                .path("data")
                .findValuesAsText("number"))
        .containsExactly(String.valueOf(b));
    assertThat(
            api.get(db("acme", d) + "/deploy-requests?branch=first")
                .json()
                .path("data")
                .findValuesAsText("number"))
        .containsExactly(String.valueOf(a));
    assertThat(
            api.get(db("acme", d) + "/deploy-requests?into_branch=dev").json().path("data").size())
        .isZero();
  }
}
