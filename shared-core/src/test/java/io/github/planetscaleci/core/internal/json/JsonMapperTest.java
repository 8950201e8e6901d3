package io.github.planetscaleci.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.BranchPassword;
import io.github.planetscaleci.core.model.Database;
import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.Deployment;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDefinition;
import io.github.planetscaleci.core.model.TableDiff;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real response examples of the reference map onto the model records. */
class JsonMapperTest {
  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = JsonMapperTest.class.getResourceAsStream("/fixtures/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static <T> List<T> data(String name, Class<T> type) throws IOException {
    return JsonMapper.convertList(JsonMapper.tree(fixture(name)).get("data"), type);
  }

  @Test
  void branchWebhookExampleMapsEveryFieldWeUse() throws IOException {
    Branch b = JsonMapper.read(fixture("branch-ready-webhook.json"), Branch.class);
    assertThat(b)
        .isEqualTo(
            new Branch(
                "ecrmjy2f4a5o",
                "dev",
                "main",
                true,
                "ready",
                false,
                false,
                "https://app.planetscale.com/demo-db/example_database/dev",
                Instant.parse("2023-10-25T16:54:12.879Z"),
                Instant.parse("2023-10-25T16:54:39.820Z")));
  }

  @Test
  void goBranchFixturesMapWithMissingFieldsAsDefaults() throws IOException {
    Branch b = JsonMapper.read(fixture("branch-go.json"), Branch.class);
    assertThat(b.name()).isEqualTo("planetscale-go-test-db-branch");
    assertThat(b.createdAt()).isEqualTo(Instant.parse("2021-01-14T10:19:23Z"));
    assertThat(b.ready()).isFalse();
    assertThat(b.parentBranch()).isNull();

    Branch prod = JsonMapper.read(fixture("branch-production-go.json"), Branch.class);
    assertThat(prod.production()).isTrue();
    assertThat(prod.safeMigrations()).isTrue();

    assertThat(data("branch-list-go.json", Branch.class))
        .extracting(Branch::id)
        .containsExactly("planetscale-go-test-db-branch");
  }

  @Test
  void databaseFixture() throws IOException {
    Database d = JsonMapper.read(fixture("database-go.json"), Database.class);
    assertThat(d.name()).isEqualTo("planetscale-go-test-db");
    assertThat(d.state()).isEqualTo("ready");
    assertThat(d.defaultBranch()).isNull();
    Database full =
        JsonMapper.read(
            ("{\"id\":\"x\",\"name\":\"app\",\"state\":\"ready\",\"ready\":true,\"kind\":\"mysql\","
                    + "\"default_branch\":\"main\",\"require_approval_for_deploy\":true,"
                    + "\"html_url\":\"https://app.planetscale.com/acme/app\",\"region\":{\"slug\":\"us-east\"}}")
                .getBytes(StandardCharsets.UTF_8),
            Database.class);
    assertThat(full)
        .isEqualTo(
            new Database(
                "x",
                "app",
                "ready",
                true,
                "mysql",
                "main",
                true,
                "https://app.planetscale.com/acme/app"));
  }

  @Test
  void lintFixture() throws IOException {
    assertThat(data("lint-go.json", LintError.class))
        .containsExactly(
            new LintError(
                "NO_UNIQUE_KEY",
                "table_error",
                "test-database",
                "test",
                "",
                "table \"test\" has no unique key: all tables must have at least one unique, not-null key.",
                "https://planetscale.com/docs/learn/change-single-unique-key"));
  }

  @Test
  void passwordFixturesIncludingThePlainTextAndTheBranch() throws IOException {
    BranchPassword p = JsonMapper.read(fixture("password-go.json"), BranchPassword.class);
    assertThat(p.id()).isEqualTo("4rwwvrxk2o99");
    assertThat(p.role()).isEqualTo("admin");
    assertThat(p.plainText()).isEqualTo("plain-text-password");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2021-01-14T10:19:23Z"));
    assertThat(p.toString()).doesNotContain("plain-text-password");

    BranchPassword ror = JsonMapper.read(fixture("password-ror-go.json"), BranchPassword.class);
    assertThat(ror.accessHostUrl()).isEqualTo("eu-west.connect.psdb.cloud");
    assertThat(ror.role()).isEqualTo("reader");

    List<BranchPassword> list = data("password-list-go.json", BranchPassword.class);
    assertThat(list).hasSize(1);
    assertThat(list.get(0).databaseBranch().name()).isEqualTo("my-branch");
    assertThat(list.get(0).plainText()).isNull();
  }

  @Test
  void emulatorPasswordFieldsMap() throws IOException {
    String json =
        "{\"id\":\"p1\",\"name\":\"ci\",\"role\":\"admin\",\"username\":\"u1\",\"plain_text\":\"pw\","
            + "\"access_host_url\":\"127.0.0.1:3306\",\"ttl_seconds\":3600,"
            + "\"expires_at\":\"2024-05-01T13:00:00.000Z\",\"database_name\":\"app__ci_pr_1\","
            + "\"database_branch\":{\"id\":\"b1\",\"name\":\"ci-pr-1\",\"production\":false,"
            + "\"mysql_edge_address\":\"x\"}}";
    BranchPassword p = JsonMapper.read(json.getBytes(StandardCharsets.UTF_8), BranchPassword.class);
    assertThat(p.ttlSeconds()).isEqualTo(3600);
    assertThat(p.expiresAt()).isEqualTo(Instant.parse("2024-05-01T13:00:00Z"));
    assertThat(p.databaseName()).isEqualTo("app__ci_pr_1");
    assertThat(p.username()).isEqualTo("u1");
    assertThat(p.databaseBranch().name()).isEqualTo("ci-pr-1");
    assertThat(p.databaseBranch().production()).isFalse();
  }

  @Test
  void deployRequestOpenedExample() throws IOException {
    DeployRequest dr =
        JsonMapper.read(fixture("deploy-request-opened-webhook.json"), DeployRequest.class);
    assertThat(dr.id()).isEqualTo("4xsz0ql82y4n");
    assertThat(dr.number()).isEqualTo(5);
    assertThat(dr.branch()).isEqualTo("dev");
    assertThat(dr.intoBranch()).isEqualTo("main");
    assertThat(dr.isOpen()).isTrue();
    assertThat(dr.deploymentState()).isEqualTo(DeploymentState.PENDING);
    assertThat(dr.htmlUrl())
        .isEqualTo("https://app.planetscale.com/demo-db/example_database/deploy-requests/5");
    assertThat(dr.notes()).isEmpty();
    assertThat(dr.createdAt()).isEqualTo(Instant.parse("2023-10-25T16:54:59.797Z"));
    assertThat(dr.closedAt()).isNull();
    Deployment d = dr.deployment();
    assertThat(d.id()).isEqualTo("uvkd7injje2f");
    assertThat(d.state()).isEqualTo(DeploymentState.PENDING);
    assertThat(d.autoCutover()).isTrue();
    assertThat(d.deployable()).isFalse();
    assertThat(d.deployRequestNumber()).isEqualTo(5);
    assertThat(d.deployOperations()).isEmpty();
    assertThat(d.lintErrors()).isEmpty();
  }

  @Test
  void goDeployRequestFixturesWithoutStateOrDeployment() throws IOException {
    DeployRequest dr = JsonMapper.read(fixture("deploy-request-go.json"), DeployRequest.class);
    assertThat(dr.number()).isEqualTo(1337);
    assertThat(dr.deploymentState()).isEqualTo(DeploymentState.UNKNOWN);
    assertThat(dr.deployment()).isNull();

    DeployRequest queued =
        JsonMapper.read(fixture("deploy-request-queued-go.json"), DeployRequest.class);
    assertThat(queued.deployment().state()).isEqualTo(DeploymentState.QUEUED);
    assertThat(queued.closedAt()).isEqualTo(Instant.parse("2021-01-14T10:19:23Z"));
  }

  @Test
  void deploymentWithOperationsLintAndUnknownFields() throws IOException {
    Deployment d = JsonMapper.read(fixture("deployment-spec-shaped.json"), Deployment.class);
    assertThat(d.state()).isEqualTo(DeploymentState.PENDING_CUTOVER);
    assertThat(d.autoCutover()).isFalse();
    assertThat(d.readyToCutoverAt()).isEqualTo(Instant.parse("2023-10-25T16:56:01.426Z"));
    assertThat(d.deployOperations())
        .containsExactly(
            new DeployOperation(
                "op1",
                "in_progress",
                "example_database",
                "users",
                "ALTER",
                "ALTER TABLE `users` DROP COLUMN `nickname`",
                true,
                100.0));
    assertThat(d.lintErrors()).extracting(LintError::tableName).containsExactly("logs");
  }

  @Test
  void unknownAndNullDeploymentStatesNeverFail() throws IOException {
    DeployRequest dr =
        JsonMapper.read(
            "{\"number\":1,\"deployment_state\":\"warp_speed\",\"deployment\":{\"state\":null}}"
                .getBytes(StandardCharsets.UTF_8),
            DeployRequest.class);
    assertThat(dr.deploymentState()).isEqualTo(DeploymentState.UNKNOWN);
    assertThat(dr.deployment().state()).isEqualTo(DeploymentState.UNKNOWN);
    DeployRequest done =
        JsonMapper.read(
            "{\"deployment_state\":\"complete_pending_revert\"}".getBytes(StandardCharsets.UTF_8),
            DeployRequest.class);
    assertThat(done.deploymentState()).isEqualTo(DeploymentState.COMPLETE_PENDING_REVERT);
  }

  @Test
  void schemaAndDiffEnvelopes() throws IOException {
    assertThat(data("schema-spec-shaped.json", TableDefinition.class))
        .extracting(TableDefinition::name)
        .containsExactly("users", "logs");
    assertThat(data("diff-spec-shaped.json", TableDiff.class).get(0).raw())
        .startsWith("+CREATE TABLE `users`");
  }
}
