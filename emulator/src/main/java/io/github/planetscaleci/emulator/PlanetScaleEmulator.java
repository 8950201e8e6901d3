package io.github.planetscaleci.emulator;

import io.github.planetscaleci.emulator.faults.Faults;
import io.github.planetscaleci.emulator.mysql.EmbeddedMariaDb;
import io.github.planetscaleci.emulator.mysql.ExternalMysql;
import io.github.planetscaleci.emulator.mysql.InstanceDirs;
import io.github.planetscaleci.emulator.mysql.MysqlServer;
import io.github.planetscaleci.emulator.service.ApiException;
import io.github.planetscaleci.emulator.store.BranchState;
import io.github.planetscaleci.emulator.store.DatabaseState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A local PlanetScale-compatible API server backed by a real MariaDB: branches are schemas,
 * passwords are users, deploy requests diff and apply real DDL. Start it, point a client at {@link
 * #url()}, close it to remove every process and file it created.
 */
public final class PlanetScaleEmulator implements AutoCloseable {
  final Builder config;
  private final Faults faults = new Faults();
  private Runtime runtime;
  private Path instanceDir;
  private boolean temporaryDir;
  private Thread shutdownHook;

  private PlanetScaleEmulator(Builder config) {
    this.config = config;
  }

  /**
   * A builder with defaults: free port, no provisioning delay, 100 ms deploy steps, 30 min revert
   * window.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts MariaDB (or connects to the external server) and the HTTP API. */
  public synchronized PlanetScaleEmulator start() {
    if (runtime != null) {
      return this;
    }
    InstanceDirs.cleanupOrphans();
    MysqlServer mysql = null;
    try {
      if (config.externalUrl != null) {
        mysql = new ExternalMysql(config.externalUrl, config.externalUser, config.externalPassword);
      } else {
        temporaryDir = config.dataDirectory == null;
        instanceDir =
            temporaryDir
                ? InstanceDirs.createTemporary()
                : InstanceDirs.claim(config.dataDirectory);
        mysql = EmbeddedMariaDb.start(temporaryDir ? instanceDir : instanceDir.resolve("mariadb"));
      }
      runtime = Runtime.start(this, mysql, faults);
    } catch (IOException | RuntimeException e) {
      if (mysql != null) {
        mysql.close();
      }
      removeInstanceDir();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    shutdownHook = new Thread(this::close, "emulator-shutdown");
    java.lang.Runtime.getRuntime().addShutdownHook(shutdownHook);
    return this;
  }

  /** Base URL of the API, e.g. {@code http://127.0.0.1:41234/v1}. */
  public String url() {
    return running().url();
  }

  /** Host clients use for branch passwords. */
  public String mysqlHost() {
    return running().mysql.host();
  }

  /** Port clients use for branch passwords. */
  public int mysqlPort() {
    return running().mysql.port();
  }

  /**
   * Creates an organization (if new) and a database with a ready production branch {@code main}.
   */
  public void createDatabase(String organization, String database, String seedSqlOrNull) {
    try {
      running().branches.createDatabase(organization, database, seedSqlOrNull);
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The fault rules; change them at any time. */
  public Faults faults() {
    return faults;
  }

  /** What exists now: branches, password users in MariaDB, open deploy requests. */
  public EmulatorStats stats() {
    return running().stats();
  }

  /** Admin JDBC URL of a branch's schema, for assertions in tests. */
  public String adminJdbcUrl(String organization, String database, String branch) {
    Runtime rt = running();
    synchronized (rt.backend.state) {
      DatabaseState db = rt.backend.state.database(organization, database);
      BranchState b = db == null ? null : db.branch(branch);
      if (b == null) {
        throw new IllegalArgumentException(
            "No branch " + organization + "/" + database + "/" + branch);
      }
      return rt.mysql.jdbcUrl(b.schema);
    }
  }

  /** Admin user for {@link #adminJdbcUrl}. */
  public String adminUser() {
    return running().mysql.adminUser();
  }

  /** Admin password for {@link #adminJdbcUrl}. */
  public String adminPassword() {
    return running().mysql.adminPassword();
  }

  /** Instance directory of the embedded MariaDB (null with an external server). */
  public Path instanceDirectory() {
    return instanceDir;
  }

  /** Stops the API and MariaDB and deletes every file this instance created. */
  @Override
  public synchronized void close() {
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
    removeInstanceDir();
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        java.lang.Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // Already shutting down.
      }
      shutdownHook = null;
    }
  }

  private void removeInstanceDir() {
    if (instanceDir == null) {
      return;
    }
    if (temporaryDir) {
      InstanceDirs.deleteRecursively(instanceDir);
    } else {
      InstanceDirs.deleteRecursively(instanceDir.resolve("mariadb"));
      try {
        Files.deleteIfExists(instanceDir.resolve("owner.pid"));
      } catch (IOException e) {
        // Harmless: the next start sees a dead owner and takes over.
      }
    }
    instanceDir = null;
  }

  private synchronized Runtime running() {
    if (runtime == null) {
      throw new IllegalStateException("The emulator is not running; call start() first");
    }
    return runtime;
  }

  @Override
  public String toString() {
    return "PlanetScaleEmulator[" + (runtime == null ? "stopped" : runtime.url()) + "]";
  }

  /** Settings of an emulator; secrets in it never appear in {@link #toString()}. */
  public static final class Builder {
    int port;
    final List<String> serviceTokens = new ArrayList<>();
    final List<String> oauthTokens = new ArrayList<>();
    Duration provisioningDelay = Duration.ZERO;
    Duration deployStepDelay = Duration.ofMillis(100);
    Duration revertWindow = Duration.ofMinutes(30);
    Path dataDirectory;
    String externalUrl;
    String externalUser;
    String externalPassword;

    private Builder() {}

    /** HTTP port; 0 (the default) picks a free one. */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** Accepts {@code Authorization: id:secret}; may be called several times. */
    public Builder serviceToken(String id, String secret) {
      serviceTokens.add(id + ":" + secret);
      return this;
    }

    /** Accepts {@code Authorization: Bearer token}; may be called several times. */
    public Builder oauthToken(String token) {
      oauthTokens.add(token);
      return this;
    }

    /** Time between the end of a branch's clone and {@code ready: true}. */
    public Builder provisioningDelay(Duration value) {
      this.provisioningDelay = value;
      return this;
    }

    /** Time each deployment state takes (queued, submitting, in_progress, ...). */
    public Builder deployStepDelay(Duration value) {
      this.deployStepDelay = value;
      return this;
    }

    /** Time from complete_pending_revert to complete. */
    public Builder revertWindow(Duration value) {
      this.revertWindow = value;
      return this;
    }

    /** Directory for MariaDB's files instead of a temporary one. */
    public Builder dataDirectory(Path value) {
      this.dataDirectory = value;
      return this;
    }

    /** Uses an existing MySQL/MariaDB server instead of the embedded one. */
    public Builder externalMysql(String jdbcUrl, String user, String password) {
      this.externalUrl = jdbcUrl;
      this.externalUser = user;
      this.externalPassword = password;
      return this;
    }

    /** The emulator, not started. */
    public PlanetScaleEmulator build() {
      return new PlanetScaleEmulator(this);
    }

    @Override
    public String toString() {
      return "Builder[port="
          + port
          + ", serviceTokens="
          + serviceTokens.size()
          + ", external="
          + (externalUrl != null)
          + "]";
    }
  }
}
