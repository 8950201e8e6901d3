package io.github.planetscaleci.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.client.RetryPolicy;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.BranchConnection;
import io.github.planetscaleci.core.workflow.WaitPolicy;
import io.github.planetscaleci.core.workflow.Workflows;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One emulator, a client on it, and helpers for running SQL on branches. */
final class EmulatorHarness implements AutoCloseable {
  static final String TOKEN_SECRET = "e2e-token-secret-CANARY";

  /** Fast polling for tests: the emulator provisions at once and deploys in steps of 50 ms. */
  static final WaitPolicy FAST =
      new WaitPolicy(Duration.ofSeconds(60), Duration.ofMillis(20), Duration.ofMillis(200), 50.0);

  final PlanetScaleEmulator emulator;
  final PlanetScaleClient client;
  final List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
  final Workflows workflows;
  final CountingProxy proxy;

  EmulatorHarness(RetryPolicy retry) {
    this(retry, false);
  }

  /** With {@code proxied}, the client talks through a {@link CountingProxy}. */
  EmulatorHarness(RetryPolicy retry, boolean proxied) {
    emulator =
        PlanetScaleEmulator.builder()
            .port(0)
            .serviceToken("e2e", TOKEN_SECRET)
            .provisioningDelay(Duration.ZERO)
            .deployStepDelay(Duration.ofMillis(50))
            .revertWindow(Duration.ofMinutes(30))
            .build()
            .start();
    proxy = proxied ? startProxy(emulator) : null;
    client =
        PlanetScaleClient.create(
            ClientSettings.builder(new Credentials.ServiceToken("e2e", TOKEN_SECRET))
                .baseUrl(proxied ? proxy.url(emulator.url()) : emulator.url())
                .retryPolicy(retry)
                .build());
    workflows = new Workflows(client, events::add);
  }

  DatabaseRef database(String name, String seedSql) {
    emulator.createDatabase("acme", name, seedSql);
    return new DatabaseRef("acme", name);
  }

  /** Runs statements over the branch's own credentials and JDBC URL, as a CI job would. */
  static void exec(BranchConnection c, String... sql) throws SQLException {
    try (Connection conn = connect(c);
        Statement s = conn.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  static Connection connect(BranchConnection c) throws SQLException {
    return DriverManager.getConnection(c.jdbcUrl(), c.username(), c.password());
  }

  Connection admin(DatabaseRef db, String branch) throws SQLException {
    return DriverManager.getConnection(
        emulator.adminJdbcUrl(db.organization(), db.database(), branch),
        emulator.adminUser(),
        emulator.adminPassword());
  }

  void assertNothingLeft(DatabaseRef db) {
    var s = emulator.stats().of(db.organization(), db.database());
    assertThat(s.branches()).as("branches left").isZero();
    assertThat(s.passwordUsers()).as("password users left").isZero();
    assertThat(s.openDeployRequests()).as("open deploy requests left").isZero();
  }

  @Override
  public void close() {
    client.close();
    if (proxy != null) {
      proxy.close();
    }
    emulator.close();
  }

  private static CountingProxy startProxy(PlanetScaleEmulator emulator) {
    try {
      return new CountingProxy(emulator.url());
    } catch (java.io.IOException e) {
      emulator.close();
      throw new java.io.UncheckedIOException(e);
    }
  }

  static RetryPolicy fastRetries() {
    return new RetryPolicy(
        10, Duration.ofMillis(20), Duration.ofMillis(300), Duration.ofSeconds(30));
  }
}
