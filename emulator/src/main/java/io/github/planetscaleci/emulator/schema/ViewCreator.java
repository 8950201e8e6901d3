package io.github.planetscaleci.emulator.schema;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Creates views in the current schema, retrying those that depend on views not yet created. */
final class ViewCreator {
  private ViewCreator() {}

  static void create(Statement st, List<String> views) throws SQLException {
    List<String> pending = new ArrayList<>(views);
    while (!pending.isEmpty()) {
      List<String> failed = new ArrayList<>();
      SQLException last = null;
      for (String ddl : pending) {
        try {
          st.execute(ddl);
        } catch (SQLException e) {
          failed.add(ddl);
          last = e;
        }
      }
      if (failed.size() == pending.size()) {
        throw last;
      }
      pending = failed;
    }
  }
}
