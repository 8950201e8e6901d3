package io.github.planetscaleci.emulator.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.emulator.diff.SchemaOpsFactory;
import io.github.planetscaleci.emulator.service.Backend;
import io.github.planetscaleci.emulator.service.SchemaNames;
import io.github.planetscaleci.emulator.service.Settings;
import io.github.planetscaleci.emulator.support.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin pool against a real MariaDB: reuse, reset, replacement of dead sessions, close. */
class AdminPoolTest {
  private static Path dir;
  private static EmbeddedMariaDb server;
  private static Connection observer;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(Path.of("target"));
    dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "mariadb-pool-");
    server = EmbeddedMariaDb.start(dir);
    observer = server.admin();
  }

  @AfterAll
  static void stop() throws Exception {
    if (observer != null) {
      observer.close();
    }
    if (server != null) {
      server.close();
    }
    InstanceDirs.deleteRecursively(dir);
  }

  @Test
  void aClosedConnectionIsLentAgainOnItsHomeSchema() throws SQLException {
    try (AdminPool pool = new AdminPool(server, 2)) {
      long first;
      try (Connection c = pool.get()) {
        first = sessionId(c);
        exec(c, "CREATE DATABASE IF NOT EXISTS pool_reset");
        c.setCatalog("pool_reset");
      }
      try (Connection c = pool.get()) {
        assertThat(sessionId(c)).isEqualTo(first);
        assertThat(c.getCatalog()).isEqualTo("information_schema");
        assertThat(single(c, "SELECT DATABASE()")).isEqualTo("information_schema");
      }
      assertThat(pool.openConnections()).isEqualTo(1);
    }
  }

  @Test
  void connectionsLentAtOnceAreDistinctAndAtMostMaxIdleStayOpen() throws SQLException {
    try (AdminPool pool = new AdminPool(server, 2)) {
      Connection a = pool.get();
      Connection b = pool.get();
      Connection c = pool.get();
      Set<Long> ids = new HashSet<>(Set.of(sessionId(a), sessionId(b), sessionId(c)));
      assertThat(ids).hasSize(3);
      assertThat(pool.openConnections()).isEqualTo(3);
      a.close();
      b.close();
      c.close();
      assertThat(pool.idleConnections()).isEqualTo(2);
      assertThat(pool.openConnections()).isEqualTo(2);
      awaitSessions(ids, 2);
    }
  }

  @Test
  void aGivenBackConnectionCannotBeUsedAndClosingTwiceIsHarmless() throws SQLException {
    try (AdminPool pool = new AdminPool(server, 2)) {
      Connection c = pool.get();
      c.close();
      assertThat(c.isClosed()).isTrue();
      assertThatThrownBy(c::createStatement)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("given back");
      c.close();
      assertThat(pool.idleConnections()).isEqualTo(1);
    }
  }

  @Test
  void aSessionTheServerKilledIsReplacedWhenValidated() throws SQLException {
    try (AdminPool pool = new AdminPool(server, 2, Duration.ZERO)) {
      long killed;
      try (Connection c = pool.get()) {
        killed = sessionId(c);
      }
      exec(observer, "KILL CONNECTION " + killed);
      try (Connection c = pool.get()) {
        assertThat(sessionId(c)).isNotEqualTo(killed);
      }
      assertThat(pool.openConnections()).isEqualTo(1);
    }
  }

  @Test
  void aConnectionLeftInATransactionIsNotReused() throws SQLException {
    try (AdminPool pool = new AdminPool(server, 2)) {
      long first;
      try (Connection c = pool.get()) {
        first = sessionId(c);
        c.setAutoCommit(false);
      }
      assertThat(pool.openConnections()).isZero();
      try (Connection c = pool.get()) {
        assertThat(sessionId(c)).isNotEqualTo(first);
        assertThat(c.getAutoCommit()).isTrue();
      }
    }
  }

  @Test
  void closeEndsIdleAndLentSessionsAndRefusesNewOnes() throws SQLException {
    AdminPool pool = new AdminPool(server, 2);
    Connection lent = pool.get();
    Connection idle = pool.get();
    Set<Long> ids = Set.of(sessionId(lent), sessionId(idle));
    idle.close();
    assertThat(liveSessions(ids)).hasSize(2);

    pool.close();

    awaitSessions(ids, 0);
    assertThat(pool.openConnections()).isZero();
    assertThatThrownBy(pool::get).isInstanceOf(SQLException.class).hasMessageContaining("shutting");
    lent.close(); // given back after the pool closed: nothing to reuse, nothing thrown
  }

  @Test
  void closingTheBackendClosesItsPool() throws SQLException {
    Backend backend =
        new Backend(
            server,
            SchemaOpsFactory.create(),
            new SchemaNames("pool"),
            new Settings(Duration.ZERO, Duration.ZERO, Duration.ZERO));
    Connection lent = backend.admin();
    Connection idle = backend.admin();
    Set<Long> ids = Set.of(sessionId(lent), sessionId(idle));
    idle.close();

    backend.close();

    awaitSessions(ids, 0);
    assertThatThrownBy(backend::admin).isInstanceOf(SQLException.class);
  }

  private static void awaitSessions(Set<Long> ids, int expected) {
    Await.until(
        () -> liveSessions(ids).size(),
        n -> n == expected,
        Duration.ofSeconds(10),
        expected + " of the sessions " + ids + " alive");
  }

  private static Set<Long> liveSessions(Set<Long> ids) {
    Set<Long> alive = new HashSet<>();
    try (Statement s = observer.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist")) {
      while (rs.next()) {
        if (ids.contains(rs.getLong(1))) {
          alive.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return alive;
  }

  private static long sessionId(Connection c) throws SQLException {
    return Long.parseLong(single(c, "SELECT CONNECTION_ID()"));
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
