package io.github.planetscaleci.emulator.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decides cheaply whether a column type change can lose data (a narrowing change). */
final class ColumnTypes {
  private static final List<List<String>> RANKED =
      List.of(
          List.of("tinyint", "smallint", "mediumint", "int", "bigint"),
          List.of("tinytext", "text", "mediumtext", "longtext"),
          List.of("tinyblob", "blob", "mediumblob", "longblob"),
          List.of("float", "double"));

  private ColumnTypes() {}

  /** True when moving a column from definition {@code from} to {@code to} may lose values. */
  static boolean isNarrowing(String from, String to) {
    String a = typeOf(from);
    String b = typeOf(to);
    if (a.equals(b)) {
      return false;
    }
    String baseA = base(a);
    String baseB = base(b);
    if (a.contains(" unsigned") != b.contains(" unsigned")) {
      return true;
    }
    if (baseA.equals(baseB)) {
      return argsNarrower(baseA, args(a), args(b));
    }
    for (List<String> family : RANKED) {
      if (family.contains(baseA) && family.contains(baseB)) {
        return family.indexOf(baseB) < family.indexOf(baseA);
      }
    }
    if (baseA.equals("char") && baseB.equals("varchar")
        || baseA.equals("binary") && baseB.equals("varbinary")) {
      return argsNarrower(baseA, args(a), args(b));
    }
    return true;
  }

  private static boolean argsNarrower(String base, List<String> from, List<String> to) {
    if (base.equals("enum") || base.equals("set")) {
      return !to.containsAll(from);
    }
    if (from.isEmpty() || to.isEmpty()) {
      return !from.equals(to);
    }
    try {
      if (base.equals("decimal") || base.equals("numeric")) {
        int scaleA = from.size() > 1 ? Integer.parseInt(from.get(1)) : 0;
        int scaleB = to.size() > 1 ? Integer.parseInt(to.get(1)) : 0;
        int intA = Integer.parseInt(from.get(0)) - scaleA;
        int intB = Integer.parseInt(to.get(0)) - scaleB;
        return intB < intA || scaleB < scaleA;
      }
      return Integer.parseInt(to.get(0)) < Integer.parseInt(from.get(0));
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /**
   * The type part of a column line: {@code `c` int(10) unsigned NOT NULL} gives "int(10) unsigned".
   */
  static String typeOf(String columnLine) {
    int i = Sql.quotedLength(columnLine, 0) + 1;
    int start = i;
    int depth = 0;
    boolean quoted = false;
    for (; i < columnLine.length(); i++) {
      char c = columnLine.charAt(i);
      if (quoted) {
        if (c == '\'') {
          quoted = false;
        } else if (c == '\\') {
          i++;
        }
      } else if (c == '\'') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ' ' && depth == 0) {
        break;
      }
    }
    String type = columnLine.substring(start, Math.min(i, columnLine.length()));
    String rest = columnLine.substring(Math.min(i, columnLine.length())).toLowerCase(Locale.ROOT);
    if (rest.startsWith(" unsigned")) {
      type += " unsigned";
    }
    return type;
  }

  private static String base(String type) {
    int paren = type.indexOf('(');
    int space = type.indexOf(' ');
    int end = paren >= 0 ? paren : space >= 0 ? space : type.length();
    return type.substring(0, end).toLowerCase(Locale.ROOT);
  }

  private static List<String> args(String type) {
    int open = type.indexOf('(');
    int close = type.lastIndexOf(')');
    List<String> out = new ArrayList<>();
    if (open < 0 || close < open) {
      return out;
    }
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = open + 1; i < close; i++) {
      char c = type.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        out.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString().strip());
    return out;
  }
}
