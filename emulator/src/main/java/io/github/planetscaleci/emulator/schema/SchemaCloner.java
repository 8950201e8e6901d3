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

/**
 * Copies a schema with {@code CREATE TABLE ... LIKE} in one batch (tables with foreign keys from
 * their {@code SHOW CREATE TABLE}, since LIKE drops foreign keys), rows with {@code INSERT ...
 * SELECT}, and views from their definitions, retried until dependencies between views resolve.
 */
final class SchemaCloner {
  private SchemaCloner() {}

  static void cloneSchema(Connection admin, String source, String target, boolean withData)
      throws SQLException {
    Map<String, Boolean> tables = SchemaReader.list(admin, source);
    Set<String> withForeignKeys =
        names(
            admin,
            "SELECT DISTINCT table_name FROM information_schema.referential_constraints"
                + " WHERE constraint_schema = ?",
            source);
    String src = Sql.quote(source) + ".";
    List<String> views = new ArrayList<>();
    String previousCatalog = admin.getCatalog();
    admin.setCatalog(target);
    try (Statement st = admin.createStatement()) {
      st.execute("SET @psci_fk = @@foreign_key_checks, foreign_key_checks = 0");
      try {
        for (Map.Entry<String, Boolean> table : tables.entrySet()) {
          String name = Sql.quote(table.getKey());
          if (table.getValue()) {
            views.add(SchemaReader.viewDefinition(st, source, table.getKey()));
          } else if (withForeignKeys.contains(table.getKey())) {
            String ddl = SchemaReader.showCreate(st, source, table.getKey());
            st.addBatch(ddl);
          } else {
            st.addBatch("CREATE TABLE " + name + " LIKE " + src + name);
          }
        }
        st.executeBatch();
        if (withData) {
          copyRows(admin, st, source, target, tables);
        }
      } finally {
        st.execute("SET foreign_key_checks = @psci_fk");
      }
      ViewCreator.create(st, views);
    } finally {
      if (previousCatalog != null) {
        admin.setCatalog(previousCatalog);
      }
    }
  }

  private static void copyRows(
      Connection admin, Statement st, String source, String target, Map<String, Boolean> tables)
      throws SQLException {
    Set<String> generated =
        names(
            admin,
            "SELECT DISTINCT table_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND is_generated <> 'NEVER'",
            source);
    for (Map.Entry<String, Boolean> table : tables.entrySet()) {
      if (table.getValue()) {
        continue;
      }
      String name = table.getKey();
      String columns = generated.contains(name) ? storedColumns(admin, source, name) : "*";
      String into = generated.contains(name) ? " (" + columns + ")" : "";
      st.addBatch(
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
    st.executeBatch();
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
