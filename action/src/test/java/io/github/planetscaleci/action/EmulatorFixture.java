package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.emulator.EmulatorStats;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PlanetScale emulator as the action's emulator tests use it: on a free port with one service
 * token and no provisioning delay, usually holding database {@code acme/shop}; with the job, CLI
 * and SQL helpers those tests share. Register it in a static {@code @RegisterExtension} field,
 * which starts it before the class's {@code @BeforeAll} methods and closes it after its
 * {@code @AfterAll} methods, or {@link #start()} and {@link #close()} it by hand. Each test class
 * passes its own canary token, so a leak names the test that let it out.
 */
public final class EmulatorFixture implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  /** The organization every fixture database lives in. */
  public static final String ORG = "acme";

  /** The database {@link #database(String)} creates. */
  public static final String DATABASE = "shop";

  /** {@code acme/shop} as core names it. */
  public static final DatabaseRef DB = new DatabaseRef(ORG, DATABASE);

  private final String tokenId;
  private final String token;
  private Duration deployStepDelay;
  private boolean withDatabase;
  private String seedSql;
  private PlanetScaleEmulator emulator;

  private EmulatorFixture(String tokenId, String token) {
    this.tokenId = tokenId;
    this.token = token;
  }

  /** A fixture, not yet started, whose emulator accepts service token {@code tokenId:token}. */
  public static EmulatorFixture serviceToken(String tokenId, String token) {
    return new EmulatorFixture(tokenId, token);
  }

  /** Each deployment state takes {@code value} (otherwise the emulator's default); before start. */
  public EmulatorFixture deployStepDelay(Duration value) {
    if (emulator != null) {
      throw new IllegalStateException("already started");
    }
    this.deployStepDelay = value;
    return this;
  }

  /**
   * Database {@code acme/shop}, whose {@code main} runs {@code seedSqlOrNull} first: created at
   * start, or now when already started.
   */
  public EmulatorFixture database(String seedSqlOrNull) {
    withDatabase = true;
    seedSql = seedSqlOrNull;
    if (emulator != null) {
      emulator.createDatabase(ORG, DATABASE, seedSql);
    }
    return this;
  }

  /** Starts the emulator (and creates the database if asked for); returns this. */
  public EmulatorFixture start() {
    if (emulator != null) {
      throw new IllegalStateException("already started");
    }
    PlanetScaleEmulator.Builder builder =
        PlanetScaleEmulator.builder()
            .port(0)
            .serviceToken(tokenId, token)
            .provisioningDelay(Duration.ZERO);
    if (deployStepDelay != null) {
      builder.deployStepDelay(deployStepDelay);
    }
    PlanetScaleEmulator started = builder.build();
    started.start();
    emulator = started;
    if (withDatabase) {
      emulator.createDatabase(ORG, DATABASE, seedSql);
    }
    return this;
  }

  /** Starts the emulator before the class's {@code @BeforeAll} methods. */
  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  /** Closes the emulator after the class's {@code @AfterAll} methods. */
  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** The running emulator itself, for what the helpers here do not cover. */
  public PlanetScaleEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the emulator fixture is not started");
    }
    return emulator;
  }

  /** Base URL of the emulator's API (the action's {@code api-url}). */
  public String url() {
    return emulator().url();
  }

  /** The service token id the emulator accepts. */
  public String tokenId() {
    return tokenId;
  }

  /** The service token (the test class's canary) the emulator accepts. */
  public String token() {
    return token;
  }

  /**
   * A runner for a job in {@code root} with the inputs every step against the fixture needs:
   * organization, database, service token and api-url; the caller adds event, run and the rest.
   */
  public RunnerHarness job(Path root) {
    return new RunnerHarness(root)
        .input("organization", ORG)
        .input("database", DATABASE)
        .input("service-token-id", tokenId)
        .input("service-token", token)
        .input("api-url", url());
  }

  /** The CLI's environment against the fixture (organization, token, API URL) with HOME. */
  public Map<String, String> cliEnv(Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("PLANETSCALE_ORG", ORG);
    env.put("PLANETSCALE_SERVICE_TOKEN_ID", tokenId);
    env.put("PLANETSCALE_SERVICE_TOKEN", token);
    env.put("PLANETSCALE_API_URL", url());
    env.put("HOME", home.toString());
    return env;
  }

  /** A CLI run: exit code, stdout, stderr. */
  public record CliRun(int code, String stdout, String stderr) {}

  /**
   * Runs the CLI ({@link Main#run}) with {@link #cliEnv(Path)}; asserts that neither stream shows
   * the service token, whatever the exit code.
   */
  public CliRun cli(Path home, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            cliEnv(home),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    CliRun run =
        new CliRun(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    assertThat(run.stdout()).doesNotContain(token);
    assertThat(run.stderr()).doesNotContain(token);
    return run;
  }

  /**
   * Runs {@code sql} on the branch a step opened, as a workflow would: with the step's output
   * credentials ({@code jdbc-url} through the MariaDB driver, {@code username}, {@code password}).
   */
  public static void asBranchUser(Map<String, String> outputs, String sql) throws SQLException {
    String jdbc = outputs.get("jdbc-url").replace("jdbc:mysql:", "jdbc:mariadb:");
    try (Connection c =
            DriverManager.getConnection(jdbc, outputs.get("username"), outputs.get("password"));
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** The column names of {@code table} on {@code main}, read as the emulator's admin. */
  public List<String> mainColumns(String table) throws SQLException {
    List<String> cols = new ArrayList<>();
    try (Connection c = mainAsAdmin();
        ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
      while (rs.next()) {
        cols.add(rs.getString("COLUMN_NAME"));
      }
    }
    return cols;
  }

  /** The number of rows in {@code table} on {@code main}, counted as the emulator's admin. */
  public int mainRowCount(String table) throws SQLException {
    try (Connection c = mainAsAdmin();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Connection mainAsAdmin() throws SQLException {
    PlanetScaleEmulator running = emulator();
    return DriverManager.getConnection(
        running.adminJdbcUrl(ORG, DATABASE, "main"), running.adminUser(), running.adminPassword());
  }

  /** What exists now in {@code acme/shop}. */
  public EmulatorStats.DatabaseStats stats() {
    return emulator().stats().of(ORG, DATABASE);
  }

  /** Live non-default branches of {@code acme/shop}. */
  public int branches() {
    return stats().branches();
  }

  /** MariaDB users of branch passwords of {@code acme/shop} that still exist. */
  public int passwordUsers() {
    return stats().passwordUsers();
  }

  /** Open deploy requests of {@code acme/shop}. */
  public int openDeployRequests() {
    return stats().openDeployRequests();
  }

  /** Stops the emulator, if started, and deletes its files; it may be started again. */
  @Override
  public void close() {
    if (emulator != null) {
      PlanetScaleEmulator running = emulator;
      emulator = null;
      running.close();
    }
  }
}
