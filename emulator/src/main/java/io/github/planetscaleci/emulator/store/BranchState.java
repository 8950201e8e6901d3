package io.github.planetscaleci.emulator.store;

import io.github.planetscaleci.emulator.diff.SchemaOps.Snapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One branch and the MariaDB schema behind it; guarded by the EmulatorState lock. */
public final class BranchState {
  public final String id;
  public final String name;
  public final String parent;
  public final String schema;
  public final Instant createdAt;
  public Instant updatedAt;
  public Instant deletedAt;
  public Instant schemaLastUpdatedAt;
  public boolean ready;
  public boolean production;
  public boolean safeMigrations;

  /** Parent schema when this branch was cloned (or last deployed): the base of its changes. */
  public Snapshot base;

  public final Map<String, PasswordState> passwords = new LinkedHashMap<>();

  public BranchState(String id, String name, String parent, String schema, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.parent = parent;
    this.schema = schema;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.schemaLastUpdatedAt = createdAt;
  }
}
