package io.github.planetscaleci.emulator.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads table names and definitions of one schema over JDBC. */
final class SchemaReader {
  private SchemaReader() {}

  /** Table and view names of the schema, in name order, mapped to true for views. */
  static Map<String, Boolean> list(Connection admin, String schema) throws SQLException {
    Map<String, Boolean> out = new LinkedHashMap<>();
    String sql =
        "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ?"
            + " AND table_type IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED') ORDER BY table_name";
    try (PreparedStatement ps = admin.prepareStatement(sql)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), "VIEW".equals(rs.getString(2)));
        }
      }
    }
    return out;
  }

  static SchemaSnapshot snapshot(Connection admin, String schema) throws SQLException {
    Map<String, String> tables = new TreeMap<>();
    try (Statement st = admin.createStatement()) {
      for (Map.Entry<String, Boolean> table : list(admin, schema).entrySet()) {
        String name = table.getKey();
        tables.put(
            name,
            table.getValue() ? viewDefinition(st, schema, name) : showCreate(st, schema, name));
      }
    }
    return new SchemaSnapshot(new TreeMap<>(tables));
  }

  static String showCreate(Statement st, String schema, String table) throws SQLException {
    return single(st, "SHOW CREATE TABLE " + Sql.quote(schema) + "." + Sql.quote(table));
  }

  /** The view's definition without DEFINER and without qualifiers naming its own schema. */
  static String viewDefinition(Statement st, String schema, String view) throws SQLException {
    String ddl = single(st, "SHOW CREATE VIEW " + Sql.quote(schema) + "." + Sql.quote(view));
    return Sql.stripSchemaQualifier(Sql.stripDefiner(ddl), schema);
  }

  private static String single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("No result for " + sql);
      }
      return rs.getString(2);
    }
  }
}
