package io.github.planetscaleci.emulator.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Clones, snapshots, diffs, lints and migrates MariaDB schemas the way PlanetScale branches do. */
public final class SchemaEngine {

  /** Creates a stateless engine. */
  public SchemaEngine() {}

  /**
   * Copies every table (and view) of sourceSchema into the existing empty targetSchema, rows too
   * when withData, and returns the snapshot of sourceSchema the copy was made from.
   */
  public SchemaSnapshot cloneSchema(
      Connection admin, String sourceSchema, String targetSchema, boolean withData)
      throws SQLException {
    return SchemaCloner.cloneSchema(admin, sourceSchema, targetSchema, withData, false);
  }

  /**
   * Creates targetSchema (dropping a leftover of that name) as a copy of sourceSchema, in the same
   * batch as its tables; otherwise as {@link #cloneSchema}.
   */
  public SchemaSnapshot createClone(
      Connection admin, String sourceSchema, String targetSchema, boolean withData)
      throws SQLException {
    return SchemaCloner.cloneSchema(admin, sourceSchema, targetSchema, withData, true);
  }

  /** Reads the schema as SHOW CREATE TABLE texts (views without DEFINER and own-schema names). */
  public SchemaSnapshot snapshot(Connection admin, String schema) throws SQLException {
    return SchemaReader.snapshot(admin, schema);
  }

  /**
   * What turns {@code target} into {@code source} (the branch): tables created/altered/dropped, DDL
   * operations, lint of the source.
   */
  public SchemaDiff diff(SchemaSnapshot target, SchemaSnapshot source) {
    return SchemaDiffer.diff(target, source);
  }

  /** Applies the operations to targetSchema, keeping rows of every column that still exists. */
  public void apply(Connection admin, String targetSchema, List<DdlOperation> operations)
      throws SQLException {
    String previousCatalog = admin.getCatalog();
    admin.setCatalog(targetSchema);
    try (Statement st = admin.createStatement()) {
      for (DdlOperation operation : operations) {
        st.execute(operation.ddl());
      }
    } finally {
      if (previousCatalog != null) {
        admin.setCatalog(previousCatalog);
      }
    }
  }

  /** Lint of one schema (PlanetScale's NO_UNIQUE_KEY rule). */
  public List<LintIssue> lint(SchemaSnapshot schema) {
    return Linter.lint(schema);
  }
}
