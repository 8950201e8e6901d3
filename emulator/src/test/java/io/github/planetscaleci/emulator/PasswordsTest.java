package io.github.planetscaleci.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.planetscaleci.emulator.support.Api;
import io.github.planetscaleci.emulator.support.Await;
import io.github.planetscaleci.emulator.support.EmulatorTestBase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordsTest extends EmulatorTestBase {
  private static final String APP = db("acme", "app");

  @BeforeAll
  void seed() {
    emu.createDatabase("acme", "app", SEED);
    readyBranch("acme", "app", "dev", "\"seed_data\":\"last_successful_backup\"");
    readyBranch("acme", "app", "other", null);
  }

  private JsonNode create(String branch, String body) {
    Api.Reply r = api.post(APP + "/branches/" + branch + "/passwords", body);
    assertThat(r.status()).as("create password: %s", r.json()).isEqualTo(201);
    return r.json();
  }

  private static Connection connect(JsonNode pw, String schema) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://" + pw.path("access_host_url").asText() + "/" + schema,
        pw.path("username").asText(),
        pw.path("plain_text").asText());
  }

  @Test
  void passwordConnectsToItsOwnBranchOnly() throws SQLException {
    JsonNode pw = create("dev", "{\"name\":\"ci\",\"role\":\"admin\"}");
    assertThat(pw.path("plain_text").asText()).isNotBlank();
    assertThat(pw.path("role").asText()).isEqualTo("admin");
    assertThat(pw.path("database_branch").path("name").asText()).isEqualTo("dev");
    assertThat(pw.path("access_host_url").asText()).isEqualTo("127.0.0.1:" + emu.mysqlPort());
    try (Connection c = connect(pw, pw.path("database_name").asText());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(3);
      s.execute("ALTER TABLE users ADD COLUMN nick VARCHAR(20)");
    }
    JsonNode otherPw = create("other", "{\"name\":\"x\"}");
    String otherSchema = otherPw.path("database_name").asText();
    assertThatThrownBy(() -> connect(pw, otherSchema).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("denied");
    String mainUrl = emu.adminJdbcUrl("acme", "app", "main");
    String mainSchema = mainUrl.substring(mainUrl.lastIndexOf('/') + 1, mainUrl.indexOf('?'));
    assertThatThrownBy(() -> connect(pw, mainSchema).close()).isInstanceOf(SQLException.class);

    JsonNode fetched = api.get(APP + "/branches/dev/passwords/" + pw.path("id").asText()).json();
    assertThat(fetched.path("plain_text").isNull()).isTrue();
    assertThat(fetched.path("username").asText()).isEqualTo(pw.path("username").asText());
    JsonNode list = api.get(APP + "/branches/dev/passwords").json();
    assertThat(list.path("data").findValuesAsText("id")).contains(pw.path("id").asText());
    assertThat(list.path("data").get(0).path("plain_text").isNull()).isTrue();
  }

  @Test
  void readerCannotWrite() throws SQLException {
    JsonNode pw = create("dev", "{\"name\":\"ro\",\"role\":\"reader\"}");
    try (Connection c = connect(pw, pw.path("database_name").asText());
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT * FROM users").close();
      assertThatThrownBy(() -> s.execute("INSERT INTO users (email) VALUES ('x')"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void deleteDropsTheUser() throws SQLException {
    int before = emu.stats().of("acme", "app").passwordUsers();
    JsonNode pw = create("dev", "{\"name\":\"gone\"}");
    assertThat(emu.stats().of("acme", "app").passwordUsers()).isEqualTo(before + 1);
    String path = APP + "/branches/dev/passwords/" + pw.path("id").asText();
    assertThat(api.delete(path).status()).isEqualTo(204);
    assertThat(api.get(path).status()).isEqualTo(404);
    assertThat(emu.stats().of("acme", "app").passwordUsers()).isEqualTo(before);
    assertThatThrownBy(() -> connect(pw, pw.path("database_name").asText()).close())
        .isInstanceOf(SQLException.class);
  }

  @Test
  void ttlExpiresThePassword() {
    JsonNode pw = create("dev", "{\"name\":\"brief\",\"ttl\":1}");
    assertThat(pw.path("ttl_seconds").asInt()).isEqualTo(1);
    assertThat(pw.path("expires_at").asText()).isNotEmpty();
    String path = APP + "/branches/dev/passwords/" + pw.path("id").asText();
    Await.until(
        () -> api.get(path).json(),
        j -> j.path("expired").asBoolean(),
        Duration.ofSeconds(30),
        "expiry");
    assertThatThrownBy(() -> connect(pw, pw.path("database_name").asText()).close())
        .isInstanceOf(SQLException.class);
  }

  @Test
  void invalidRoleAndUnknownBranch() {
    assertThat(api.post(APP + "/branches/dev/passwords", "{\"role\":\"god\"}").status())
        .isEqualTo(422);
    assertThat(api.post(APP + "/branches/nope/passwords", "{}").status()).isEqualTo(404);
  }

  @Test
  void deletingTheBranchDropsItsUsers() {
    readyBranch("acme", "app", "doomed", null);
    create("doomed", "{\"name\":\"a\"}");
    create("doomed", "{\"name\":\"b\"}");
    int before = emu.stats().of("acme", "app").passwordUsers();
    assertThat(api.delete(APP + "/branches/doomed").status()).isEqualTo(204);
    assertThat(emu.stats().of("acme", "app").passwordUsers()).isEqualTo(before - 2);
  }
}
