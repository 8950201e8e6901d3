package io.github.planetscaleci.emulator.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code SHOW CREATE TABLE} text split into its one-line column and key definitions, normalised
 * so that counters and inherited charsets do not count as differences.
 */
record TableDefinition(
    String name,
    boolean view,
    String text,
    Map<String, String> columns,
    Map<String, String> keys,
    String options) {

  private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");
  private static final Pattern CHARSET = Pattern.compile("DEFAULT CHARSET=(\\w+)");
  private static final Pattern COLLATE = Pattern.compile(" COLLATE=(\\w+)");
  private static final Pattern VIEW =
      Pattern.compile("^CREATE (ALGORITHM=\\S+ )?(DEFINER=\\S+ )?(SQL SECURITY \\S+ )?VIEW ");

  static TableDefinition parse(String name, String showCreate) {
    String text = showCreate.strip();
    if (VIEW.matcher(text).find()) {
      return new TableDefinition(name, true, text, Map.of(), Map.of(), "");
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    int close = 1;
    while (close < lines.size() && !lines.get(close).startsWith(")")) {
      close++;
    }
    if (close == lines.size()) {
      throw new IllegalArgumentException("Not a SHOW CREATE TABLE text: " + showCreate);
    }
    String options = AUTO_INCREMENT.matcher(lines.get(close).substring(1)).replaceAll("").strip();
    lines.set(close, options.isEmpty() ? ")" : ") " + options);
    String charset = group(CHARSET, options);
    String collation = group(COLLATE, options);
    Map<String, String> columns = new LinkedHashMap<>();
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 1; i < close; i++) {
      String line = lines.get(i).strip();
      boolean last = i == close - 1;
      if (line.endsWith(",")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.startsWith("`")) {
        line = stripInherited(line, charset, collation);
        columns.put(Sql.identifierAt(line, 0), line);
      } else {
        keys.put(keyId(line), line);
      }
      lines.set(i, "  " + line + (last ? "" : ","));
    }
    return new TableDefinition(
        name, false, String.join("\n", lines), columns, keys, stripCommonOptions(options));
  }

  /** Identity of a key line: keys of the index namespace share {@code INDEX `name`}. */
  static String keyId(String line) {
    if (line.startsWith("PRIMARY KEY")) {
      return "PRIMARY KEY";
    }
    if (line.startsWith("CONSTRAINT `")) {
      int len = Sql.quotedLength(line, 11);
      String kind = line.substring(11 + len).strip().startsWith("FOREIGN KEY") ? "FK " : "CHECK ";
      return kind + Sql.identifierAt(line, 11);
    }
    int tick = line.indexOf('`');
    if (tick > 0 && line.substring(0, tick).endsWith("KEY ")) {
      return "INDEX " + Sql.identifierAt(line, tick);
    }
    return line;
  }

  /** True when the table has a primary key or a unique key over NOT NULL columns only. */
  boolean hasNotNullUniqueKey() {
    for (Map.Entry<String, String> key : keys.entrySet()) {
      if (key.getKey().equals("PRIMARY KEY")) {
        return true;
      }
      if (key.getValue().startsWith("UNIQUE KEY")) {
        List<String> cols = Sql.keyColumns(key.getValue());
        if (!cols.isEmpty() && cols.stream().allMatch(this::isNotNull)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isNotNull(String column) {
    String def = columns.get(column);
    return def != null && def.contains(" NOT NULL");
  }

  /** Same structure: columns in order, keys regardless of order, table options. */
  boolean sameStructure(TableDefinition other) {
    if (view || other.view) {
      return view == other.view && text.equals(other.text);
    }
    return new ArrayList<>(columns.entrySet()).equals(new ArrayList<>(other.columns.entrySet()))
        && keys.equals(other.keys)
        && options.equals(other.options);
  }

  private static String stripInherited(String column, String charset, String collation) {
    String out = column;
    if (charset != null) {
      out = out.replace(" CHARACTER SET " + charset + " ", " ");
    }
    if (collation != null) {
      out = out.replace(" COLLATE " + collation + " ", " ");
      if (out.endsWith(" COLLATE " + collation)) {
        out = out.substring(0, out.length() - collation.length() - 9);
      }
    }
    return out;
  }

  private static String stripCommonOptions(String options) {
    return options.replaceAll("\\s+", " ").strip();
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
