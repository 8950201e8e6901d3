package io.github.planetscaleci.emulator.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Copies a schema in three round trips whatever its size: its table list; its definitions (kept and
 * returned: they are the snapshot a branch keeps as its base, so the clone and its base cannot
 * disagree); one batch that creates the target schema if asked, its tables with {@code CREATE TABLE
 * ... LIKE} (tables with foreign keys from their definitions, since LIKE drops foreign keys) and
 * their rows with {@code INSERT ... SELECT}. Views follow, retried until dependencies between views
 * resolve.
 */
final class SchemaCloner {
  private static final String CREATE_TABLE = "CREATE TABLE ";

  private SchemaCloner() {}

  static SchemaSnapshot cloneSchema(
      Connection admin, String source, String target, boolean withData, boolean createTarget)
      throws SQLException {
    Map<String, Boolean> tables = SchemaReader.list(admin, source);
    SortedMap<String, String> definitions = SchemaReader.definitions(admin, source, tables);
    String into = Sql.quote(target) + ".";
    List<String> statements = new ArrayList<>();
    if (createTarget) {
      statements.add("DROP DATABASE IF EXISTS " + Sql.quote(target));
      statements.add("CREATE DATABASE " + Sql.quote(target));
    }
    List<String> views = new ArrayList<>();
    for (Map.Entry<String, Boolean> table : tables.entrySet()) {
      String name = Sql.quote(table.getKey());
      String definition = definitions.get(table.getKey());
      if (table.getValue()) {
        views.add(definition);
      } else if (definition.contains(" FOREIGN KEY (")) {
        // LIKE drops foreign keys. Their unqualified REFERENCES resolve in the new table's schema.
        // A false positive (the words in a comment) only costs the LIKE shortcut.
        statements.add(CREATE_TABLE + into + unqualifiedRest(definition, name));
      } else {
        statements.add(CREATE_TABLE + into + name + " LIKE " + Sql.quote(source) + "." + name);
      }
    }
    if (withData) {
      statements.addAll(rowCopies(admin, source, target, tables));
    }
    try (Statement st = admin.createStatement()) {
      withoutForeignKeyChecks(st, statements);
      if (!views.isEmpty()) {
        // View definitions name their tables without a schema: they resolve in the current one.
        String previousCatalog = admin.getCatalog();
        admin.setCatalog(target);
        try {
          ViewCreator.create(st, views);
        } finally {
          if (previousCatalog != null) {
            admin.setCatalog(previousCatalog);
          }
        }
      }
    }
    return new SchemaSnapshot(definitions);
  }

  /** What follows {@code CREATE TABLE `name`} in a definition. */
  private static String unqualifiedRest(String definition, String quotedName) throws SQLException {
    String start = CREATE_TABLE + quotedName + " (";
    if (!definition.startsWith(start)) {
      // Only with sql_quote_show_create off, which no session of the emulator turns off.
      throw new SQLException("Unexpected definition of table " + quotedName + ": " + definition);
    }
    return definition.substring(CREATE_TABLE.length());
  }

  /**
   * Runs the statements as one batch between turning foreign key checks off (a table may reference
   * one created later, rows may arrive child first) and back to what they were.
   */
  private static void withoutForeignKeyChecks(Statement st, List<String> statements)
      throws SQLException {
    if (statements.isEmpty()) {
      return;
    }
    st.addBatch("SET @psci_fk = @@foreign_key_checks, foreign_key_checks = 0");
    for (String sql : statements) {
      st.addBatch(sql);
    }
    st.addBatch("SET foreign_key_checks = @psci_fk");
    try {
      st.executeBatch();
    } catch (SQLException e) {
      st.clearBatch();
      try {
        // The batch may have stopped before its last statement put the checks back.
        st.execute("SET foreign_key_checks = IFNULL(@psci_fk, 1)");
      } catch (SQLException restore) {
        e.addSuppressed(restore);
      }
      throw e;
    }
  }

  private static List<String> rowCopies(
      Connection admin, String source, String target, Map<String, Boolean> tables)
      throws SQLException {
    Set<String> generated =
        names(
            admin,
            "SELECT DISTINCT table_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND is_generated <> 'NEVER'",
            source);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Boolean> table : tables.entrySet()) {
      if (table.getValue()) {
        continue;
      }
      String name = table.getKey();
      String columns = generated.contains(name) ? storedColumns(admin, source, name) : "*";
      String into = generated.contains(name) ? " (" + columns + ")" : "";
      out.add(
          "INSERT INTO "
              + Sql.quote(target)
              + "."
              + Sql.quote(name)
              + into
              + " SELECT "
              + columns
              + " FROM "
              + Sql.quote(source)
              + "."
              + Sql.quote(name));
    }
    return out;
  }

  private static String storedColumns(Connection admin, String schema, String table)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    String sql =
        "SELECT column_name FROM information_schema.columns WHERE table_schema = ?"
            + " AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position";
    try (PreparedStatement ps = admin.prepareStatement(sql)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(Sql.quote(rs.getString(1)));
        }
      }
    }
    return String.join(", ", columns);
  }

  private static Set<String> names(Connection admin, String sql, String schema)
      throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps = admin.prepareStatement(sql)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
