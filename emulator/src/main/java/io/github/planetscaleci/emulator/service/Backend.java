package io.github.planetscaleci.emulator.service;

import io.github.planetscaleci.emulator.diff.SchemaOps;
import io.github.planetscaleci.emulator.mysql.AdminPool;
import io.github.planetscaleci.emulator.mysql.MysqlServer;
import io.github.planetscaleci.emulator.store.EmulatorState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every service shares: state, the MySQL server, the schema engine, timers and workers. */
public final class Backend implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
  public final EmulatorState state = new EmulatorState();
  public final MysqlServer mysql;
  public final SchemaOps schemaOps;
  public final SchemaNames names;
  public final Settings settings;
  // Enough idle connections for every worker plus a few HTTP threads (passwords, schema reads).
  private final AdminPool admin;
  private final ScheduledExecutorService timers =
      Executors.newScheduledThreadPool(2, daemon("timer"));
  // Clones and DDL run here; a few at once is what a 2-core machine's MariaDB takes well.
  private final ExecutorService workers = Executors.newFixedThreadPool(4, daemon("worker"));

  public Backend(MysqlServer mysql, SchemaOps schemaOps, SchemaNames names, Settings settings) {
    this.mysql = mysql;
    this.schemaOps = schemaOps;
    this.names = names;
    this.settings = settings;
    this.admin = new AdminPool(mysql, 8);
  }

  /** A pooled admin connection; closing it gives it back. */
  public Connection admin() throws SQLException {
    return admin.get();
  }

  /** The admin connection pool, for statistics. */
  public AdminPool adminPool() {
    return admin;
  }

  /** Runs a task on a worker after a delay; failures are logged, never lost silently. */
  public void later(Duration delay, Runnable task) {
    Runnable safe =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.error("Background task failed", e);
          }
        };
    if (delay.isZero() || delay.isNegative()) {
      workers.execute(safe);
    } else {
      timers.schedule(() -> workers.execute(safe), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Runs a short task that does no I/O after a delay, on a timer thread (or here when the delay is
   * zero), so it never waits in the workers' queue behind clones and deploys.
   */
  public void afterDelay(Duration delay, Runnable task) {
    if (delay.isZero() || delay.isNegative()) {
      task.run();
    } else {
      timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    timers.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      admin.close();
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "emulator-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
