package io.github.planetscaleci.emulator.diff;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A small line-based schema engine used until the jOOQ-based schema engine is wired in: it handles
 * tables, columns and keys, which is what the emulator's own tests exercise.
 */
public final class FallbackSchemaOps implements SchemaOps {
  static final String DOCS_NO_UNIQUE_KEY =
      "https://planetscale.com/docs/learn/change-single-unique-key";

  @Override
  public void cloneSchema(Connection admin, String source, String target, boolean withData)
      throws SQLException {
    try (Statement s = admin.createStatement()) {
      for (String table : snapshot(admin, source).tables().keySet()) {
        s.execute(
            "CREATE TABLE " + q(target) + "." + q(table) + " LIKE " + q(source) + "." + q(table));
        if (withData) {
          s.execute(
              "INSERT INTO "
                  + q(target)
                  + "."
                  + q(table)
                  + " SELECT * FROM "
                  + q(source)
                  + "."
                  + q(table));
        }
      }
    }
  }

  @Override
  public Snapshot snapshot(Connection admin, String schema) throws SQLException {
    SortedMap<String, String> tables = new TreeMap<>();
    List<String> names = new ArrayList<>();
    try (Statement s = admin.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SHOW FULL TABLES FROM " + q(schema) + " WHERE Table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + q(schema) + "." + q(name))) {
          rs.next();
          tables.put(name, rs.getString(2));
        }
      }
    }
    return new Snapshot(tables);
  }

  @Override
  public Diff diff(Snapshot target, Snapshot source) {
    List<TableDiff> tables = new ArrayList<>();
    List<Ddl> ops = new ArrayList<>();
    List<String> touched = new ArrayList<>();
    for (Map.Entry<String, String> e : source.tables().entrySet()) {
      String before = target.tables().get(e.getKey());
      if (before == null) {
        tables.add(new TableDiff(e.getKey(), "CREATED", prefix(e.getValue(), "+")));
        ops.add(new Ddl(e.getKey(), "CREATE", e.getValue(), false));
        touched.add(e.getKey());
      } else if (!before.equals(e.getValue())) {
        tables.add(new TableDiff(e.getKey(), "ALTERED", lineDiff(before, e.getValue())));
        ops.add(
            alter(e.getKey(), CreateTableText.parse(before), CreateTableText.parse(e.getValue())));
        touched.add(e.getKey());
      }
    }
    for (Map.Entry<String, String> e : target.tables().entrySet()) {
      if (!source.tables().containsKey(e.getKey())) {
        tables.add(new TableDiff(e.getKey(), "DROPPED", prefix(e.getValue(), "-")));
        ops.add(new Ddl(e.getKey(), "DROP", "DROP TABLE " + q(e.getKey()), true));
      }
    }
    SortedMap<String, String> changed = new TreeMap<>(source.tables());
    changed.keySet().retainAll(touched);
    return new Diff(tables, ops, lint(new Snapshot(changed)));
  }

  private static Ddl alter(String table, CreateTableText before, CreateTableText after) {
    List<String> clauses = new ArrayList<>();
    boolean drops = false;
    for (String key : before.keys().keySet()) {
      if (!after.keys().containsKey(key) || !after.keys().get(key).equals(before.keys().get(key))) {
        clauses.add(key.equals("PRIMARY") ? "DROP PRIMARY KEY" : "DROP INDEX " + q(key));
      }
    }
    for (Map.Entry<String, String> c : before.columns().entrySet()) {
      if (!after.columns().containsKey(c.getKey())) {
        clauses.add("DROP COLUMN " + q(c.getKey()));
        drops = true;
      }
    }
    for (Map.Entry<String, String> c : after.columns().entrySet()) {
      String old = before.columns().get(c.getKey());
      if (old == null) {
        clauses.add("ADD COLUMN " + c.getValue());
      } else if (!old.equals(c.getValue())) {
        clauses.add("MODIFY COLUMN " + c.getValue());
      }
    }
    for (Map.Entry<String, String> k : after.keys().entrySet()) {
      if (!k.getValue().equals(before.keys().get(k.getKey()))) {
        clauses.add("ADD " + k.getValue());
      }
    }
    return new Ddl(
        table, "ALTER", "ALTER TABLE " + q(table) + " " + String.join(", ", clauses), drops);
  }

  @Override
  public void apply(Connection admin, String schema, List<Ddl> operations) throws SQLException {
    String previous = admin.getCatalog();
    admin.setCatalog(schema);
    try (Statement s = admin.createStatement()) {
      for (Ddl op : operations) {
        s.execute(op.ddl());
      }
    } finally {
      if (previous != null) {
        admin.setCatalog(previous);
      }
    }
  }

  @Override
  public List<Lint> lint(Snapshot schema) {
    List<Lint> result = new ArrayList<>();
    for (Map.Entry<String, String> e : schema.tables().entrySet()) {
      CreateTableText t = CreateTableText.parse(e.getValue());
      boolean ok =
          t.keys().entrySet().stream()
              .anyMatch(
                  k ->
                      k.getKey().equals("PRIMARY")
                          || (k.getValue().startsWith("UNIQUE KEY")
                              && CreateTableText.keyColumns(k.getValue()).stream()
                                  .allMatch(
                                      c -> t.columns().getOrDefault(c, "").contains("NOT NULL"))));
      if (!ok) {
        result.add(
            new Lint(
                "NO_UNIQUE_KEY",
                "table",
                e.getKey(),
                "",
                "table \""
                    + e.getKey()
                    + "\" has no unique key: all tables must have at least one unique, not-null key.",
                DOCS_NO_UNIQUE_KEY));
      }
    }
    return result;
  }

  private static String lineDiff(String before, String after) {
    List<String> old = List.of(before.split("\n"));
    List<String> now = List.of(after.split("\n"));
    List<String> out = new ArrayList<>();
    old.stream().filter(l -> !now.contains(l)).forEach(l -> out.add("-" + l));
    now.stream().filter(l -> !old.contains(l)).forEach(l -> out.add("+" + l));
    return String.join("\n", out);
  }

  private static String prefix(String text, String mark) {
    return List.of(text.split("\n")).stream().map(l -> mark + l).collect(Collectors.joining("\n"));
  }

  static String q(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
