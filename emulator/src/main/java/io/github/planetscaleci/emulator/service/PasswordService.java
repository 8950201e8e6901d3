package io.github.planetscaleci.emulator.service;

import io.github.planetscaleci.emulator.mysql.Secrets;
import io.github.planetscaleci.emulator.store.BranchState;
import io.github.planetscaleci.emulator.store.EmulatorState;
import io.github.planetscaleci.emulator.store.PasswordState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Branch passwords as real MariaDB users with privileges on their branch's schema only. */
public final class PasswordService {
  private static final Map<String, String> PRIVILEGES =
      Map.of(
          "reader", "SELECT, SHOW VIEW",
          "writer", "SELECT, INSERT, UPDATE, DELETE",
          "readwriter", "SELECT, INSERT, UPDATE, DELETE, SHOW VIEW",
          "admin", "ALL PRIVILEGES");
  private final Backend backend;
  private final EmulatorState state;

  public PasswordService(Backend backend) {
    this.backend = backend;
    this.state = backend.state;
  }

  /** A new password and its plain text, which exists only in this response. */
  public record Created(PasswordState password, String plainText) {
    @Override
    public String toString() {
      return "Created[" + password + ", plainText=***]";
    }
  }

  /** Creates the MariaDB user and grants; role defaults to admin as the CLI's does. */
  public Created create(
      String databaseKey, BranchState branch, String name, String role, Long ttl) {
    String effectiveRole = role == null ? "admin" : role;
    if (!PRIVILEGES.containsKey(effectiveRole)) {
      throw ApiException.unprocessable("Role must be one of reader, writer, readwriter, admin");
    }
    if (ttl != null && ttl < 0) {
      throw ApiException.unprocessable("TTL must be a positive number of seconds");
    }
    synchronized (state) {
      if (!branch.ready) {
        throw ApiException.unprocessable("Branch " + branch.name + " is not ready yet");
      }
    }
    String user = Secrets.userName();
    String secret = Secrets.randomPassword();
    String account = "'" + user + "'@'" + backend.mysql.userHost() + "'";
    try (Connection c = backend.admin();
        Statement s = c.createStatement()) {
      synchronized (state) {
        state.recordUser(databaseKey, user);
      }
      s.execute("CREATE USER " + account + " IDENTIFIED BY '" + secret + "'");
      s.execute(
          "GRANT " + PRIVILEGES.get(effectiveRole) + " ON `" + branch.schema + "`.* TO " + account);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not create user for branch " + branch.name + ": " + e.getMessage(), e);
    }
    Instant now = Instant.now();
    Integer ttlSeconds = ttl == null || ttl == 0 ? null : Math.toIntExact(ttl);
    Instant expiresAt = ttlSeconds == null ? null : now.plusSeconds(ttlSeconds);
    PasswordState password =
        new PasswordState(
            Secrets.id(),
            name == null ? "" : name,
            effectiveRole,
            user,
            now,
            ttlSeconds,
            expiresAt);
    synchronized (state) {
      if (branch.deletedAt != null) {
        drop(password);
        throw ApiException.notFound();
      }
      branch.passwords.put(password.id, password);
    }
    if (expiresAt != null) {
      backend.later(Duration.ofSeconds(ttlSeconds), () -> expire(password));
    }
    return new Created(password, secret);
  }

  /** Passwords of a branch, newest first. */
  public List<PasswordState> list(BranchState branch) {
    synchronized (state) {
      List<PasswordState> result = new ArrayList<>(branch.passwords.values());
      java.util.Collections.reverse(result);
      return result;
    }
  }

  /** One password, or 404. */
  public PasswordState get(BranchState branch, String id) {
    synchronized (state) {
      PasswordState p = branch.passwords.get(id);
      if (p == null) {
        throw ApiException.notFound();
      }
      return p;
    }
  }

  /** Deletes a password: the user is dropped, so its sessions end at the next statement. */
  public void delete(BranchState branch, String id) {
    PasswordState p;
    synchronized (state) {
      p = branch.passwords.remove(id);
    }
    if (p == null) {
      throw ApiException.notFound();
    }
    drop(p);
  }

  /** Drops every user of a branch that is being deleted. */
  void dropAllUsers(BranchState branch) {
    List<PasswordState> all;
    synchronized (state) {
      all = new ArrayList<>(branch.passwords.values());
      branch.passwords.clear();
    }
    all.forEach(this::drop);
  }

  private void expire(PasswordState p) {
    synchronized (state) {
      p.expired = true;
    }
    drop(p);
  }

  private void drop(PasswordState p) {
    try (Connection c = backend.admin();
        Statement s = c.createStatement()) {
      s.execute("DROP USER IF EXISTS '" + p.username + "'@'" + backend.mysql.userHost() + "'");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not drop user " + p.username + ": " + e.getMessage(), e);
    }
  }
}
