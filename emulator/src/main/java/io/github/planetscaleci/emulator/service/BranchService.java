package io.github.planetscaleci.emulator.service;

import io.github.planetscaleci.emulator.diff.SchemaOps.Diff;
import io.github.planetscaleci.emulator.diff.SchemaOps.Lint;
import io.github.planetscaleci.emulator.diff.SchemaOps.Snapshot;
import io.github.planetscaleci.emulator.mysql.Secrets;
import io.github.planetscaleci.emulator.store.BranchState;
import io.github.planetscaleci.emulator.store.DatabaseState;
import io.github.planetscaleci.emulator.store.EmulatorState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Organizations, databases and branches, each branch a real MariaDB schema. */
public final class BranchService {
  private static final Logger LOG = LoggerFactory.getLogger(BranchService.class);
  private static final Pattern BRANCH_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private final Backend backend;
  private final EmulatorState state;
  private final PasswordService passwords;

  public BranchService(Backend backend, PasswordService passwords) {
    this.backend = backend;
    this.state = backend.state;
    this.passwords = passwords;
  }

  /** Creates a database with a ready production branch {@code main}, optionally seeded. */
  public DatabaseState createDatabase(String org, String name, String seedSql) {
    if (name == null || !BRANCH_NAME.matcher(name).matches()) {
      throw ApiException.unprocessable("Name must be lowercase letters, digits and hyphens");
    }
    Instant now = Instant.now();
    DatabaseState db;
    BranchState main;
    synchronized (state) {
      if (state.database(org, name) != null) {
        throw ApiException.unprocessable("Name has already been taken");
      }
      state.organizations.putIfAbsent(org, now);
      state.organizationIds.putIfAbsent(org, Secrets.id());
      db = new DatabaseState(Secrets.id(), org, name, now);
      main =
          new BranchState(
              Secrets.id(), "main", null, backend.names.schemaFor(org, name, "main"), now);
      main.production = true;
      main.safeMigrations = true;
      db.branches.put(main.name, main);
      state.databases.put(db.key(), db);
    }
    // A connection of its own, not a pooled one: seed SQL (a dump, say) may change session state.
    try (Connection c = backend.mysql.admin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + main.schema + "`");
      s.execute("CREATE DATABASE `" + main.schema + "`");
      if (seedSql != null && !seedSql.isBlank()) {
        c.setCatalog(main.schema);
        s.execute(seedSql);
      }
    } catch (SQLException e) {
      synchronized (state) {
        state.databases.remove(db.key());
      }
      throw new IllegalStateException(
          "Could not create database " + org + "/" + name + ": " + e.getMessage(), e);
    }
    synchronized (state) {
      main.ready = true;
    }
    return db;
  }

  /** Starts creating a branch; it turns ready after the clone and the provisioning delay. */
  public BranchState createBranch(
      String org, String dbName, String name, String parentName, String seedData) {
    if (name == null || name.isEmpty()) {
      throw ApiException.unprocessable("Name can't be blank");
    }
    if (!BRANCH_NAME.matcher(name).matches()) {
      throw ApiException.unprocessable(
          "Name must contain only lowercase alphanumeric characters and hyphens, at most 63 characters");
    }
    if (seedData != null && !seedData.equals("last_successful_backup")) {
      throw ApiException.unprocessable("Seed data must be last_successful_backup");
    }
    BranchState branch;
    BranchState parent;
    synchronized (state) {
      DatabaseState db = database(org, dbName);
      String parentBranch =
          parentName == null || parentName.isEmpty() ? db.defaultBranch : parentName;
      parent = db.branch(parentBranch);
      if (parent == null) {
        throw ApiException.notFound();
      }
      if (!parent.ready) {
        throw ApiException.unprocessable("Parent branch " + parentBranch + " is not ready yet");
      }
      if (db.branch(name) != null) {
        throw ApiException.unprocessable("Name has already been taken");
      }
      branch =
          new BranchState(
              Secrets.id(),
              name,
              parent.name,
              backend.names.schemaFor(org, dbName, name),
              Instant.now());
      db.branches.put(name, branch);
    }
    boolean withData = seedData != null;
    backend.later(java.time.Duration.ZERO, () -> provision(org, dbName, branch, parent, withData));
    return branch;
  }

  private void provision(
      String org, String dbName, BranchState branch, BranchState parent, boolean withData) {
    long t0 = System.nanoTime();
    Snapshot base;
    try (Connection c = backend.admin();
        Statement s = c.createStatement()) {
      long t1 = System.nanoTime();
      base = backend.schemaOps.createClone(c, parent.schema, branch.schema, withData);
      LOG.debug(
          "Branch {}/{}/{}: {} tables; admin connection {} us, clone {} us",
          org,
          dbName,
          branch.name,
          base.tables().size(),
          (t1 - t0) / 1000,
          (System.nanoTime() - t1) / 1000);
      synchronized (state) {
        branch.base = base;
        if (branch.deletedAt != null) {
          s.execute("DROP DATABASE IF EXISTS `" + branch.schema + "`");
          return;
        }
      }
    } catch (SQLException e) {
      LOG.error("Could not clone branch {}/{}/{}: {}", org, dbName, branch.name, e.getMessage());
      return;
    }
    // Marking ready is a flag flip: done here or on a timer, never queued behind other clones.
    backend.afterDelay(backend.settings.provisioningDelay(), () -> markReady(branch));
  }

  private void markReady(BranchState branch) {
    synchronized (state) {
      branch.ready = true;
      branch.updatedAt = Instant.now();
    }
  }

  /** Deletes a branch: its schema, its users; the default branch cannot be deleted. */
  public void deleteBranch(String org, String dbName, String name) {
    BranchState branch;
    synchronized (state) {
      DatabaseState db = database(org, dbName);
      branch = db.branch(name);
      if (branch == null) {
        throw ApiException.notFound();
      }
      if (name.equals(db.defaultBranch)) {
        throw ApiException.unprocessable("The default branch of a database cannot be deleted.");
      }
      Instant now = Instant.now();
      branch.deletedAt = now;
      db.branches.remove(name);
      db.deployRequests.stream()
          .filter(d -> d.branchId.equals(branch.id))
          .forEach(
              d -> {
                d.branchDeleted = true;
                d.branchDeletedAt = now;
              });
    }
    passwords.dropAllUsers(branch);
    try (Connection c = backend.admin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + branch.schema + "`");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not drop schema of branch " + name + ": " + e.getMessage(), e);
    }
  }

  /** Current schema of a branch. */
  public Snapshot schema(String org, String dbName, String name) {
    BranchState branch = readyBranch(org, dbName, name);
    try (Connection c = backend.admin()) {
      return backend.schemaOps.snapshot(c, branch.schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not read schema of " + name + ": " + e.getMessage(), e);
    }
  }

  /** Lint of a branch's whole schema. */
  public List<Lint> lint(String org, String dbName, String name) {
    return backend.schemaOps.lint(schema(org, dbName, name));
  }

  /** What the branch changed since it was cloned (empty for a branch without a parent). */
  public Diff diff(String org, String dbName, String name) {
    BranchState branch = readyBranch(org, dbName, name);
    Snapshot current = schema(org, dbName, name);
    Snapshot base;
    synchronized (state) {
      base = branch.base;
    }
    return base == null
        ? new Diff(List.of(), List.of(), List.of())
        : backend.schemaOps.diff(base, current);
  }

  /** The database, or 404. */
  public DatabaseState database(String org, String dbName) {
    synchronized (state) {
      DatabaseState db = state.database(org, dbName);
      if (db == null) {
        throw ApiException.notFound();
      }
      return db;
    }
  }

  /** A live branch, or 404. */
  public BranchState branch(String org, String dbName, String name) {
    synchronized (state) {
      BranchState b = database(org, dbName).branch(name);
      if (b == null) {
        throw ApiException.notFound();
      }
      return b;
    }
  }

  private BranchState readyBranch(String org, String dbName, String name) {
    BranchState b = branch(org, dbName, name);
    synchronized (state) {
      if (!b.ready) {
        throw ApiException.unprocessable("Branch " + name + " is not ready yet");
      }
    }
    return b;
  }
}
