package io.github.planetscaleci.emulator.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Reads table names and definitions of one schema over JDBC. */
final class SchemaReader {
  // Keeps each multi-statement far below any max_allowed_packet (about 60 bytes per statement).
  private static final int PER_ROUND_TRIP = 200;

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
   * The definition of every listed table and view, read with multi-statements of up to {@value
   * #PER_ROUND_TRIP} SHOW CREATE statements: one statement per round trip cost as much again in
   * waiting as in work, 500 round trips for 500 tables. Falls back to one statement per table when
   * the connection does not allow multi-statements or one of them fails (a table dropped meanwhile,
   * say), so the error, if any, names its table.
   */
  static SortedMap<String, String> definitions(
      Connection admin, String schema, Map<String, Boolean> tables) throws SQLException {
    List<Map.Entry<String, Boolean>> all = new ArrayList<>(tables.entrySet());
    SortedMap<String, String> out = new TreeMap<>();
    try (Statement st = admin.createStatement()) {
      try {
        for (int from = 0; from < all.size(); from += PER_ROUND_TRIP) {
          readBatch(
              st, schema, all.subList(from, Math.min(all.size(), from + PER_ROUND_TRIP)), out);
        }
        return out;
      } catch (SQLException e) {
        out.clear();
      }
      for (Map.Entry<String, Boolean> table : all) {
        try (ResultSet rs = st.executeQuery(showSql(schema, table))) {
          out.put(table.getKey(), definition(rs, schema, table));
        }
      }
      return out;
    }
  }

  private static void readBatch(
      Statement st,
      String schema,
      List<Map.Entry<String, Boolean>> tables,
      SortedMap<String, String> out)
      throws SQLException {
    StringJoiner sql = new StringJoiner(";");
    tables.forEach(t -> sql.add(showSql(schema, t)));
    boolean result = st.execute(sql.toString());
    for (Map.Entry<String, Boolean> table : tables) {
      if (!result) {
        throw new SQLException("No result for " + showSql(schema, table));
      }
      try (ResultSet rs = st.getResultSet()) {
        out.put(table.getKey(), definition(rs, schema, table));
      }
      result = st.getMoreResults();
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
