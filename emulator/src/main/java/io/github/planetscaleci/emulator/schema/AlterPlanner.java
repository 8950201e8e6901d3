package io.github.planetscaleci.emulator.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the single {@code ALTER TABLE} that turns one table definition into another: keys dropped
 * first, then columns dropped, added and modified (with positions, so the column order matches),
 * then keys added and table options.
 */
final class AlterPlanner {
  private AlterPlanner() {}

  /** The ALTER for {@code from} to become {@code to}, or null when nothing differs. */
  static DdlOperation plan(TableDefinition from, TableDefinition to) {
    List<String> clauses = new ArrayList<>();
    boolean dropsData = false;
    for (Map.Entry<String, String> key : from.keys().entrySet()) {
      if (!key.getValue().equals(to.keys().get(key.getKey()))) {
        clauses.add(dropKey(key.getKey(), key.getValue()));
      }
    }
    List<String> current = new ArrayList<>(from.columns().keySet());
    for (String column : from.columns().keySet()) {
      if (!to.columns().containsKey(column)) {
        clauses.add("DROP COLUMN " + Sql.quote(column));
        current.remove(column);
        dropsData = true;
      }
    }
    List<String> wanted = new ArrayList<>(to.columns().keySet());
    for (int i = 0; i < wanted.size(); i++) {
      String column = wanted.get(i);
      String definition = to.columns().get(column);
      String position = i == 0 ? " FIRST" : " AFTER " + Sql.quote(wanted.get(i - 1));
      int at = current.indexOf(column);
      if (at < 0) {
        clauses.add("ADD COLUMN " + definition + position);
        current.add(i, column);
      } else {
        String old = from.columns().get(column);
        if (at != i) {
          clauses.add("MODIFY COLUMN " + definition + position);
          current.remove(at);
          current.add(i, column);
        } else if (!old.equals(definition)) {
          clauses.add("MODIFY COLUMN " + definition);
        }
        if (!old.equals(definition) && ColumnTypes.isNarrowing(old, definition)) {
          dropsData = true;
        }
      }
    }
    for (Map.Entry<String, String> key : to.keys().entrySet()) {
      if (!key.getValue().equals(from.keys().get(key.getKey()))) {
        clauses.add("ADD " + key.getValue());
      }
    }
    if (!from.options().equals(to.options()) && !to.options().isEmpty()) {
      boolean commentRemoved =
          from.options().contains("COMMENT=") && !to.options().contains("COMMENT=");
      clauses.add(to.options() + (commentRemoved ? " COMMENT=''" : ""));
    }
    if (clauses.isEmpty()) {
      return null;
    }
    String ddl = "ALTER TABLE " + Sql.quote(to.name()) + " " + String.join(", ", clauses);
    return new DdlOperation(to.name(), "ALTER", ddl, dropsData);
  }

  private static String dropKey(String id, String line) {
    if (id.equals("PRIMARY KEY")) {
      return "DROP PRIMARY KEY";
    }
    if (id.startsWith("FK ")) {
      return "DROP FOREIGN KEY " + Sql.quote(id.substring(3));
    }
    if (id.startsWith("CHECK ")) {
      return "DROP CONSTRAINT " + Sql.quote(id.substring(6));
    }
    if (id.startsWith("INDEX ")) {
      return "DROP INDEX " + Sql.quote(id.substring(6));
    }
    throw new IllegalArgumentException("Cannot drop unnamed definition: " + line);
  }
}
