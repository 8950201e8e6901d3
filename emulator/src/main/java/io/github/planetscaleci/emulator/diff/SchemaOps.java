package io.github.planetscaleci.emulator.diff;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.SortedMap;

/**
 * What the emulator needs from a schema engine: clone, snapshot, diff, apply and lint. The values
 * mirror the schema engine's own records so that the adapter to it stays a plain copy.
 */
public interface SchemaOps {

  /**
   * Creates {@code target} (dropping a leftover of that name) with every table of {@code source};
   * returns the snapshot of {@code source} the copy was made from.
   */
  Snapshot createClone(Connection admin, String source, String target, boolean withData)
      throws SQLException;

  /** Reads a schema as SHOW CREATE TABLE texts. */
  Snapshot snapshot(Connection admin, String schema) throws SQLException;

  /** What turns {@code target} into {@code source}. */
  Diff diff(Snapshot target, Snapshot source);

  /** Applies operations to a schema, keeping the rows of every surviving column. */
  void apply(Connection admin, String schema, List<Ddl> operations) throws SQLException;

  /** Lint of one schema. */
  List<Lint> lint(Snapshot schema);

  /** A schema as table name to SHOW CREATE TABLE text. */
  record Snapshot(SortedMap<String, String> tables) {}

  /** Tables changed, the DDL that makes the change, and the lint of the changed source. */
  record Diff(List<TableDiff> tables, List<Ddl> operations, List<Lint> lint) {
    /** True when the schemas are equal. */
    public boolean isEmpty() {
      return tables.isEmpty() && operations.isEmpty();
    }
  }

  /** One table's change with {@code +}/{@code -} lines like the real diff endpoint. */
  record TableDiff(String table, String kind, String raw) {}

  /** One DDL statement; {@code operationName} is CREATE, ALTER or DROP. */
  record Ddl(String table, String operationName, String ddl, boolean canDropData) {}

  /** One lint finding, e.g. NO_UNIQUE_KEY. */
  record Lint(
      String lintError,
      String subjectType,
      String table,
      String column,
      String description,
      String docsUrl) {}
}
