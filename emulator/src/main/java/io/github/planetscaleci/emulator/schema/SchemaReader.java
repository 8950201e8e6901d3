package io.github.planetscaleci.emulator.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
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
    return new SchemaSnapshot(definitions(admin, schema, list(admin, schema)));
  }

  /**
   * The definition of every listed table and view, read in one round trip (one multi-statement of
   * SHOW CREATE statements): per statement, a round trip cost as much as the statement, so a
   * 500-table schema took 500 of them. Falls back to one statement per table when the connection
   * does not allow multi-statements or one of them fails (a table dropped meanwhile, say), so the
   * error, if any, names its table.
   */
  static SortedMap<String, String> definitions(
      Connection admin, String schema, Map<String, Boolean> tables) throws SQLException {
    SortedMap<String, String> out = new TreeMap<>();
    if (tables.isEmpty()) {
      return out;
    }
    StringBuilder batch = new StringBuilder();
    for (Map.Entry<String, Boolean> table : tables.entrySet()) {
      batch.append(batch.length() == 0 ? "" : ";").append(showSql(schema, table));
    }
    try (Statement st = admin.createStatement()) {
      try {
        boolean result = st.execute(batch.toString());
        for (Map.Entry<String, Boolean> table : tables.entrySet()) {
          if (!result) {
            throw new SQLException("No result for " + showSql(schema, table));
          }
          try (ResultSet rs = st.getResultSet()) {
            out.put(table.getKey(), definition(rs, schema, table));
          }
          result = st.getMoreResults();
        }
        return out;
      } catch (SQLException e) {
        out.clear();
      }
      for (Map.Entry<String, Boolean> table : tables.entrySet()) {
        try (ResultSet rs = st.executeQuery(showSql(schema, table))) {
          out.put(table.getKey(), definition(rs, schema, table));
        }
      }
      return out;
    }
  }

  private static String showSql(String schema, Map.Entry<String, Boolean> table) {
    return (table.getValue() ? "SHOW CREATE VIEW " : "SHOW CREATE TABLE ")
        + Sql.quote(schema)
        + "."
        + Sql.quote(table.getKey());
  }

  private static String definition(ResultSet rs, String schema, Map.Entry<String, Boolean> table)
      throws SQLException {
    if (!rs.next()) {
      throw new SQLException("No result for " + showSql(schema, table));
    }
    String ddl = rs.getString(2);
    return table.getValue() ? Sql.stripSchemaQualifier(Sql.stripDefiner(ddl), schema) : ddl;
  }
}
