package io.github.planetscaleci.emulator.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a SHOW CREATE TABLE text the fallback diff needs: columns and keys by name. */
record CreateTableText(Map<String, String> columns, Map<String, String> keys, List<String> lines) {
  private static final Pattern NAME = Pattern.compile("^`((?:[^`]|``)+)`");
  private static final Pattern KEY_NAME = Pattern.compile("KEY `((?:[^`]|``)+)`");

  static CreateTableText parse(String createTable) {
    Map<String, String> columns = new LinkedHashMap<>();
    Map<String, String> keys = new LinkedHashMap<>();
    List<String> lines = List.of(createTable.split("\n"));
    for (String raw : lines.subList(1, Math.max(1, lines.size() - 1))) {
      String line = raw.trim();
      if (line.endsWith(",")) {
        line = line.substring(0, line.length() - 1);
      }
      Matcher column = NAME.matcher(line);
      if (column.find()) {
        columns.put(column.group(1), line);
      } else if (line.startsWith("PRIMARY KEY")) {
        keys.put("PRIMARY", line);
      } else {
        Matcher key = KEY_NAME.matcher(line);
        keys.put(key.find() ? key.group(1) : line, line);
      }
    }
    return new CreateTableText(columns, keys, lines);
  }

  /** Columns of a key definition such as {@code UNIQUE KEY `u` (`a`,`b`)}. */
  static List<String> keyColumns(String keyLine) {
    List<String> result = new ArrayList<>();
    int open = keyLine.indexOf('(');
    int close = keyLine.lastIndexOf(')');
    if (open < 0 || close < open) {
      return result;
    }
    for (String part : keyLine.substring(open + 1, close).split(",")) {
      String name = part.trim();
      int paren = name.indexOf('(');
      if (paren > 0) {
        name = name.substring(0, paren);
      }
      result.add(name.replace("`", ""));
    }
    return result;
  }
}
