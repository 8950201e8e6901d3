package io.github.planetscaleci.emulator.mysql;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admin connections kept open between uses: a MariaDB login (handshake, authentication, session
 * set-up) cost 4-14 ms, paid by every branch creation before this pool. Never blocks: when no idle
 * connection is left it opens one, so concurrency stays bounded by the callers' own thread pools.
 * Closing a borrowed connection returns it, back on its home schema {@code information_schema}
 * (always there, read-only, so a stray unqualified statement fails instead of landing in some
 * branch); closing the pool closes every connection it ever opened that is still open.
 */
public final class AdminPool implements AutoCloseable {
  static final String HOME = "information_schema";
  private final MysqlServer server;
  private final int maxIdle;
  private final long validateAfterIdleNanos;
  private final Deque<Idle> idle = new ArrayDeque<>();
  private final Set<Connection> physical = new HashSet<>();
  private boolean closed;

  private record Idle(Connection connection, long since) {}

  /** A pool over the server's admin account keeping at most maxIdle connections open when idle. */
  public AdminPool(MysqlServer server, int maxIdle) {
    this(server, maxIdle, Duration.ofSeconds(1));
  }

  /** As above; a connection idle longer than validateAfterIdle is pinged before it is lent. */
  AdminPool(MysqlServer server, int maxIdle, Duration validateAfterIdle) {
    this.server = server;
    this.maxIdle = maxIdle;
    this.validateAfterIdleNanos = validateAfterIdle.toNanos();
  }

  /** An admin connection on {@code information_schema}; close it to give it back. */
  public Connection get() throws SQLException {
    while (true) {
      Idle candidate;
      synchronized (this) {
        if (closed) {
          throw new SQLException("The emulator is shutting down: no admin connections");
        }
        candidate = idle.pollFirst();
      }
      if (candidate == null) {
        return lend(open());
      }
      // A connection idle for long may have been closed by the server (wait_timeout) meanwhile.
      boolean fresh = System.nanoTime() - candidate.since() < validateAfterIdleNanos;
      if (fresh || candidate.connection().isValid(2)) {
        return lend(candidate.connection());
      }
      discard(candidate.connection());
    }
  }

  /** Connections open now, idle or lent. */
  public synchronized int openConnections() {
    return physical.size();
  }

  /** Idle connections waiting to be lent. */
  public synchronized int idleConnections() {
    return idle.size();
  }

  private Connection open() throws SQLException {
    Connection c =
        DriverManager.getConnection(
            server.jdbcUrl(HOME), server.adminUser(), server.adminPassword());
    synchronized (this) {
      if (!closed) {
        physical.add(c);
        return c;
      }
    }
    c.close();
    throw new SQLException("The emulator is shutting down: no admin connections");
  }

  private Connection lend(Connection target) {
    AtomicBoolean returned = new AtomicBoolean();
    return (Connection)
        Proxy.newProxyInstance(
            AdminPool.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close" -> {
                  if (returned.compareAndSet(false, true)) {
                    giveBack(target);
                  }
                  return null;
                }
                case "isClosed" -> {
                  if (returned.get()) {
                    return true;
                  }
                }
                case "equals" -> {
                  return proxy == args[0];
                }
                case "hashCode" -> {
                  return System.identityHashCode(proxy);
                }
                case "toString" -> {
                  return "AdminPool connection";
                }
                default -> {}
              }
              if (returned.get()) {
                throw new SQLException("This admin connection was closed (given back to the pool)");
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private void giveBack(Connection c) {
    boolean reusable;
    try {
      // Callers restore what they change (catalog, foreign_key_checks) in finally blocks; the
      // catalog is put back here too, so a caller that forgot cannot leak it to the next one.
      reusable = !c.isClosed() && c.getAutoCommit();
      if (reusable && !HOME.equals(c.getCatalog())) {
        c.setCatalog(HOME);
      }
    } catch (SQLException e) {
      reusable = false;
    }
    synchronized (this) {
      if (reusable && !closed && idle.size() < maxIdle) {
        idle.addFirst(new Idle(c, System.nanoTime()));
        return;
      }
    }
    discard(c);
  }

  private void discard(Connection c) {
    synchronized (this) {
      physical.remove(c);
    }
    try {
      c.close();
    } catch (SQLException e) {
      // Already broken; nothing left to release.
    }
  }

  /** Closes every connection, idle or still lent; later {@link #get()} calls fail. */
  @Override
  public void close() {
    List<Connection> all;
    synchronized (this) {
      closed = true;
      idle.clear();
      all = new ArrayList<>(physical);
      physical.clear();
    }
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException e) {
        // Closing anyway; the server drops the session with the socket.
      }
    }
  }
}
