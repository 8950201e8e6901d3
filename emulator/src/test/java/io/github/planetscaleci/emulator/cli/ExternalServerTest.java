package io.github.planetscaleci.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import io.github.planetscaleci.emulator.support.Api;
import io.github.planetscaleci.emulator.support.Await;
import io.github.planetscaleci.emulator.support.EmulatorTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An emulator started from the command line on an existing server ({@code --mysql-url}): here the
 * MariaDB of a first emulator, which also holds schemas and users the second must not touch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalServerTest {
  private static final String ADMIN = "ext_admin";
  private static final String ADMIN_PASSWORD = "Mysql-Canary-9c2e";
  private static final String TOKEN = "ext-id:ext-token-canary-41d0";
  private PlanetScaleEmulator host;
  private String serverUrl;
  @TempDir Path tmp;

  @BeforeAll
  void startHostServer() throws SQLException {
    host = PlanetScaleEmulator.builder().build().start();
    host.createDatabase("acme", "hostdb", EmulatorTestBase.SEED);
    serverUrl = "jdbc:mariadb://127.0.0.1:" + host.mysqlPort() + "/";
    sql(
        "CREATE DATABASE bystander",
        "CREATE TABLE bystander.t (id INT PRIMARY KEY)",
        "INSERT INTO bystander.t VALUES (7)",
        "CREATE USER 'bystander'@'%' IDENTIFIED BY 'bystander-pw'",
        "CREATE USER '" + ADMIN + "'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "'",
        "GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN + "'@'%' WITH GRANT OPTION");
  }

  @AfterAll
  void stopHostServer() {
    host.close();
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(serverUrl, host.adminUser(), host.adminPassword());
        Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
    }
  }

  private Set<String> query(String select) throws SQLException {
    Set<String> rows = new TreeSet<>();
    try (Connection c =
            DriverManager.getConnection(serverUrl, host.adminUser(), host.adminPassword());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(select)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private Set<String> schemasAndUsers() throws SQLException {
    Set<String> all = new TreeSet<>(query("SHOW DATABASES"));
    all.addAll(query("SELECT CONCAT('user ', User, '@', Host) FROM mysql.user"));
    return all;
  }

  /** Starts the second emulator the way a user would, with its secrets in the environment. */
  private PlanetScaleEmulator startOnHost(ByteArrayOutputStream out, String... extra)
      throws Exception {
    Path seed = Files.writeString(tmp.resolve("seed.sql"), EmulatorTestBase.SEED);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--mysql-url",
                serverUrl,
                "--mysql-user",
                ADMIN,
                "--database",
                "app",
                "--seed",
                seed.toString()));
    args.addAll(List.of(extra));
    CliOptions options =
        CliOptions.parse(
            args.toArray(String[]::new),
            Map.of(CliOptions.MYSQL_PASSWORD_ENV, ADMIN_PASSWORD, CliOptions.TOKEN_ENV, TOKEN));
    return Main.start(options, new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  private static JsonNode awaitJson(Api api, String path, String field, Set<String> values) {
    return Await.until(
        () -> api.get(path).json(),
        j -> values.contains(j.path(field).asText()),
        Duration.ofSeconds(60),
        path + " " + field + " in " + values);
  }

  private static JsonNode readyBranchWithPassword(Api api, String branch) {
    String app = "/organizations/acme/databases/app";
    assertThat(api.post(app + "/branches", "{\"name\":\"" + branch + "\"}").status())
        .isEqualTo(201);
    awaitJson(api, app + "/branches/" + branch, "ready", Set.of("true"));
    Api.Reply pw =
        api.post(
            app + "/branches/" + branch + "/passwords", "{\"name\":\"ci\",\"role\":\"admin\"}");
    assertThat(pw.status()).as("create password: %s", pw.json()).isEqualTo(201);
    return pw.json();
  }

  private static Connection connect(JsonNode pw) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mariadb://"
            + pw.path("access_host_url").asText()
            + "/"
            + pw.path("database_name").asText(),
        pw.path("username").asText(),
        pw.path("plain_text").asText());
  }

  @Test
  void branchesAndPasswordsLiveOnTheServerAndOnlyTheirsAreDroppedOnClose() throws Exception {
    Set<String> before = schemasAndUsers();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PlanetScaleEmulator emu = startOnHost(out)) {
      assertThat(emu.mysqlPort()).isEqualTo(host.mysqlPort());
      JsonNode pw = readyBranchWithPassword(new Api(emu.url(), TOKEN), "dev");
      try (Connection c = connect(pw);
          Statement s = c.createStatement()) {
        // A new branch has the parent's schema, not its rows.
        s.execute("INSERT INTO users (email) VALUES ('dev@example.com')");
        try (ResultSet rs = s.executeQuery("SELECT email FROM users")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("dev@example.com");
          assertThat(rs.next()).isFalse();
        }
      }
      Set<String> during = schemasAndUsers();
      during.removeAll(before);
      assertThat(during)
          .contains(pw.path("database_name").asText())
          .anyMatch(e -> e.startsWith("user " + pw.path("username").asText() + "@"));
    }
    assertThat(schemasAndUsers()).isEqualTo(before);
    assertThat(query("SELECT id FROM bystander.t")).containsExactly("7");
    try (Connection c =
            DriverManager.getConnection(
                host.adminJdbcUrl("acme", "hostdb", "main"),
                host.adminUser(),
                host.adminPassword());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(3);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("ext-id")
        .doesNotContain(ADMIN_PASSWORD)
        .doesNotContain("ext-token-canary");
  }

  @Test
  void aDeployCompletesWhenItsRevertWindowEndsWithoutSkipRevert() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PlanetScaleEmulator emu =
        startOnHost(out, "--revert-window", "1s", "--deploy-step-delay", "20ms")) {
      Api api = new Api(emu.url(), TOKEN);
      String drs = "/organizations/acme/databases/app/deploy-requests";
      try (Connection c = connect(readyBranchWithPassword(api, "dev"));
          Statement s = c.createStatement()) {
        s.execute("ALTER TABLE users ADD COLUMN nick VARCHAR(20)");
      }
      Api.Reply created = api.post(drs, "{\"branch\":\"dev\"}");
      assertThat(created.status()).isEqualTo(201);
      String dr = drs + "/" + created.json().path("number").asInt();
      awaitJson(api, dr, "deployment_state", Set.of("ready"));
      assertThat(api.post(dr + "/deploy", "{}").status()).isEqualTo(200);

      JsonNode deployed =
          awaitJson(api, dr, "deployment_state", Set.of("complete_pending_revert", "complete"));
      if (deployed.path("deployment_state").asText().equals("complete_pending_revert")) {
        assertThat(deployed.path("state").asText()).isEqualTo("open");
        JsonNode revert = deployed.path("deployment").path("deployment_revert_request");
        assertThat(revert.path("waiting_period_end_at").asText()).isNotEmpty();
      }
      JsonNode done = awaitJson(api, dr, "deployment_state", Set.of("complete"));
      assertThat(done.path("state").asText()).isEqualTo("closed");
      assertThat(done.path("closed_at").isNull()).isFalse();
      try (Connection c =
              DriverManager.getConnection(
                  emu.adminJdbcUrl("acme", "app", "main"), ADMIN, ADMIN_PASSWORD);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SHOW COLUMNS FROM users LIKE 'nick'")) {
        assertThat(rs.next()).as("column deployed to main").isTrue();
      }
      assertThat(emu.stats().of("acme", "app").openDeployRequests()).isZero();
    }
  }
}
