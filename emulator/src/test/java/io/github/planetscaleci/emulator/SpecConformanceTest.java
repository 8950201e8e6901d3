package io.github.planetscaleci.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.planetscaleci.emulator.support.Api;
import io.github.planetscaleci.emulator.support.EmulatorTestBase;
import io.github.planetscaleci.emulator.support.ResponseContract;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every response the emulator serves must satisfy PlanetScale's published response schema (as
 * extracted into the test resources by {@link ResponseContract}).
 */
class SpecConformanceTest extends EmulatorTestBase {
  private static final String APP = db("acme", "app");
  private final ResponseContract contract = ResponseContract.load();

  @BeforeAll
  void seed() {
    emu.createDatabase("acme", "app", SEED);
  }

  @Test
  void organizationsDatabasesBranchesPasswords() {
    check("list_organizations", api.get("/organizations"));
    check("get_organization", api.get("/organizations/acme"));
    check("get_database", api.get(APP));
    check("list_databases", api.get("/organizations/acme/databases"));
    check("create_database", api.post("/organizations/acme/databases", "{\"name\":\"other\"}"));
    check("create_branch", api.post(APP + "/branches", "{\"name\":\"pending-one\"}"));
    readyBranch("acme", "app", "dev", null);
    check("get_branch", api.get(APP + "/branches/dev"));
    check("list_branches", api.get(APP + "/branches"));
    check("get_branch_schema", api.get(APP + "/branches/dev/schema"));
    check("lint_branch_schema", api.get(APP + "/branches/dev/schema/lint"));
    Api.Reply pw = api.post(APP + "/branches/dev/passwords", "{\"name\":\"p\",\"ttl\":600}");
    check("create_password", pw);
    check("list_passwords", api.get(APP + "/branches/dev/passwords"));
    check(
        "get_password", api.get(APP + "/branches/dev/passwords/" + pw.json().path("id").asText()));
  }

  @Test
  void deployRequestsThroughTheirStates() throws SQLException {
    readyBranch("acme", "app", "feature", null);
    try (Connection c =
            DriverManager.getConnection(
                emu.adminJdbcUrl("acme", "app", "feature"), emu.adminUser(), emu.adminPassword());
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE users ADD COLUMN extra INT");
      s.execute("CREATE TABLE nokey_after (a INT)");
      s.execute("DROP TABLE nokey_after");
    }
    Api.Reply created =
        api.post(APP + "/deploy-requests", "{\"branch\":\"feature\",\"auto_cutover\":false}");
    check("create_deploy_request", created);
    int n = created.json().path("number").asInt();
    String dr = APP + "/deploy-requests/" + n;
    awaitDeployState("acme", "app", n, "ready");
    check("get_deploy_request", api.get(dr));
    check("queue_deploy_request", api.post(dr + "/deploy", "{}"));
    awaitDeployState("acme", "app", n, "pending_cutover");
    check("get_deployment", api.get(dr + "/deployment"));
    check("complete_gated_deploy_request", api.post(dr + "/apply-deploy", "{}"));
    awaitDeployState("acme", "app", n, "complete_pending_revert");
    check("get_deploy_request", api.get(dr));
    check("complete_revert", api.post(dr + "/revert", "{}"));
    awaitDeployState("acme", "app", n, "complete_revert");
    check("get_deployment", api.get(dr + "/deployment"));
    check("list_deploy_requests", api.get(APP + "/deploy-requests"));

    readyBranch("acme", "app", "other", null);
    Api.Reply second = api.post(APP + "/deploy-requests", "{\"branch\":\"other\"}");
    awaitDeployState("acme", "app", second.json().path("number").asInt(), "no_changes");
    check(
        "close_deploy_request",
        api.patch(
            APP + "/deploy-requests/" + second.json().path("number").asInt(),
            "{\"state\":\"closed\"}"));
  }

  @Test
  void cancelAndSkipRevert() throws SQLException {
    int gated = deployRequestWithAChange("to-cancel", "ADD COLUMN c1 INT", false);
    api.post(APP + "/deploy-requests/" + gated + "/deploy", "{}");
    awaitDeployState("acme", "app", gated, "pending_cutover");
    check("cancel_deploy_request", api.post(APP + "/deploy-requests/" + gated + "/cancel", "{}"));

    int auto = deployRequestWithAChange("to-skip", "ADD COLUMN c2 INT", true);
    api.post(APP + "/deploy-requests/" + auto + "/deploy", "{}");
    awaitDeployState("acme", "app", auto, "complete_pending_revert");
    check("skip_revert_period", api.post(APP + "/deploy-requests/" + auto + "/skip-revert", "{}"));
  }

  private int deployRequestWithAChange(String branch, String alter, boolean autoCutover)
      throws SQLException {
    readyBranch("acme", "app", branch, null);
    try (Connection c =
            DriverManager.getConnection(
                emu.adminJdbcUrl("acme", "app", branch), emu.adminUser(), emu.adminPassword());
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE users " + alter);
    }
    Api.Reply created =
        api.post(
            APP + "/deploy-requests",
            "{\"branch\":\"" + branch + "\",\"auto_cutover\":" + autoCutover + "}");
    int n = created.json().path("number").asInt();
    awaitDeployState("acme", "app", n, "ready");
    return n;
  }

  @Test
  void theValidatorReallyRejectsAWrongShape() throws IOException {
    JsonNode branch = api.get(APP + "/branches/main").json();
    ObjectNode broken = branch.deepCopy();
    broken.remove("ready");
    broken.put("state", "nonsense");
    JsonSchema validator =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(responseSchema("get_branch", 200));
    assertThat(validator.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(validator.validate(branch)).isEmpty();
  }

  private void check(String operationId, Api.Reply reply) {
    assertThat(reply.status()).as("%s answered %s", operationId, reply.json()).isBetween(200, 299);
    JsonNode schema = responseSchema(operationId, reply.status());
    JsonSchema validator =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    Set<ValidationMessage> errors = validator.validate(reply.json());
    assertThat(errors).as("%s response %s", operationId, reply.json()).isEmpty();
  }

  private JsonNode responseSchema(String operationId, int status) {
    JsonNode schema = contract.schema(operationId, status);
    assertThat(schema.isMissingNode())
        .as("the contract has a %s schema for %s", status, operationId)
        .isFalse();
    return schema;
  }
}
