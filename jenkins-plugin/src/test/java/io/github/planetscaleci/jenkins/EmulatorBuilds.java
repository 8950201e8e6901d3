package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import io.github.planetscaleci.emulator.EmulatorStats.DatabaseStats;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The setup the emulator-backed step tests share, as a JUnit 5 extension: once per class the {@link
 * SharedEmulator} and a database of the class's own; before each test a fresh build log and a
 * {@link FakeHost} whose credentials reach the emulator, installed as {@link Host#current()}; after
 * each test the host removed and the build log checked for the service token (the test's own
 * {@code @AfterEach} runs first and can still use both). Builds of one job are numbered 1, 2, … per
 * class.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final EmulatorBuilds builds = new EmulatorBuilds("mydb", SharedEmulator.SEED, "team", "app");
 * </pre>
 */
final class EmulatorBuilds implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
  private final String database;
  private final String seed;
  private final String folder;
  private final String job;
  private final AtomicInteger buildNumber = new AtomicInteger();

  private PlanetScaleEmulator emulator;
  private SharedEmulator.Log log;
  private FakeHost host;
  private AutoCloseable hostOverride;

  /**
   * @param database the database this class works in (its counts are independent of others')
   * @param seed SQL run on the new database's main branch, or null for an empty schema
   * @param folder the job's folder ("" for none) and {@code job} its name, for {@link #nextRun()}
   */
  EmulatorBuilds(String database, String seed, String folder, String job) {
    this.database = database;
    this.seed = seed;
    this.folder = folder;
    this.job = job;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = SharedEmulator.get();
    emulator.createDatabase(SharedEmulator.ORG, database, seed);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    log = new SharedEmulator.Log();
    host = SharedEmulator.host();
    hostOverride = Host.override(host);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    hostOverride.close();
    assertThat(log.text()).as("build log").doesNotContain(SharedEmulator.TOKEN_SECRET);
  }

  String database() {
    return database;
  }

  PlanetScaleEmulator emulator() {
    return emulator;
  }

  /** This test's build log. */
  SharedEmulator.Log log() {
    return log;
  }

  /** This test's host, installed as {@link Host#current()}. */
  FakeHost host() {
    return host;
  }

  /** The database's counts: branches, password users, open deploy requests. */
  DatabaseStats stats() {
    return emulator.stats().of(SharedEmulator.ORG, database);
  }

  /** The next build of this class's job. */
  FakeJenkins.FakeRun nextRun() {
    return FakeJenkins.run(folder, job, buildNumber.incrementAndGet());
  }

  /** A step context for {@code run} writing to this test's log; {@code body} null: test ends it. */
  FakeStepContext context(FakeStepContext.Body body, Object run) {
    return SharedEmulator.context(body, run, log);
  }

  /** Runs {@code sql} on the branch of a block's environment, as the build's own scripts would. */
  static void execute(EnvVars env, String sql) throws SQLException {
    try (Connection c = connect(env);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the first row {@code sql} returns on the block's branch. */
  static int queryInt(EnvVars env, String sql) throws SQLException {
    try (Connection c = connect(env);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new AssertionError("no row from " + sql);
      }
      return rs.getInt(1);
    }
  }

  private static Connection connect(EnvVars env) throws SQLException {
    return DriverManager.getConnection(
        env.get("DATABASE_JDBC_URL"), env.get("DATABASE_USERNAME"), env.get("DATABASE_PASSWORD"));
  }
}
