package io.github.planetscaleci.emulator.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for MariaDB identifiers and definition fragments. */
final class Sql {
  private Sql() {}

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** Reads the back-quoted identifier starting at {@code start}; returns it and the end index. */
  static String identifierAt(String text, int start) {
    if (start >= text.length() || text.charAt(start) != '`') {
      throw new IllegalArgumentException("No identifier at " + start + " in: " + text);
    }
    StringBuilder out = new StringBuilder();
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '`') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '`') {
          out.append('`');
          i++;
        } else {
          return out.toString();
        }
      } else {
        out.append(c);
      }
    }
    throw new IllegalArgumentException("Unterminated identifier in: " + text);
  }

  /** Length of the quoted form of the identifier starting at {@code start}. */
  static int quotedLength(String text, int start) {
    return quote(identifierAt(text, start)).length();
  }

  /** The column names of a key line such as {@code UNIQUE KEY `u` (`a`,`b`(10))}. */
  static List<String> keyColumns(String keyLine) {
    int open = keyLine.indexOf('(');
    List<String> columns = new ArrayList<>();
    if (open < 0) {
      return columns;
    }
    int depth = 0;
    boolean expectColumn = true;
    for (int i = open; i < keyLine.length(); i++) {
      char c = keyLine.charAt(i);
      if (c == '`' && depth == 1 && expectColumn) {
        String name = identifierAt(keyLine, i);
        columns.add(name);
        i += quote(name).length() - 1;
        expectColumn = false;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          break;
        }
      } else if (c == ',' && depth == 1) {
        expectColumn = true;
      }
    }
    return columns;
  }

  /** Removes {@code `schema`.} qualifiers that start a qualified name (not a column's table). */
  static String stripSchemaQualifier(String text, String schema) {
    Pattern p = Pattern.compile("(?<![.`])" + Pattern.quote(quote(schema) + "."));
    return p.matcher(text).replaceAll("");
  }

  private static final Pattern DEFINER =
      Pattern.compile(" DEFINER=(`[^`]*(``[^`]*)*`|\\S+)(@(`[^`]*(``[^`]*)*`|\\S+))?");

  /**
   * Removes the {@code DEFINER=user@host} (or {@code DEFINER=role}) clause of a view definition.
   */
  static String stripDefiner(String viewDdl) {
    Matcher m = DEFINER.matcher(viewDdl);
    return m.find() ? viewDdl.substring(0, m.start()) + viewDdl.substring(m.end()) : viewDdl;
  }
}
