package io.github.planetscaleci.emulator.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PlanetScale's schema lint rules that the emulator implements. */
final class Linter {
  static final String NO_UNIQUE_KEY_DOCS =
      "https://planetscale.com/docs/learn/change-single-unique-key";

  private Linter() {}

  static List<LintIssue> lint(SchemaSnapshot schema) {
    List<LintIssue> issues = new ArrayList<>();
    for (Map.Entry<String, String> table : schema.tables().entrySet()) {
      TableDefinition definition = TableDefinition.parse(table.getKey(), table.getValue());
      if (!definition.view() && !definition.hasNotNullUniqueKey()) {
        issues.add(
            new LintIssue(
                "NO_UNIQUE_KEY",
                "table_error",
                table.getKey(),
                "",
                "table \""
                    + table.getKey()
                    + "\" has no unique key: all tables must have at least one unique, not-null"
                    + " key.",
                NO_UNIQUE_KEY_DOCS));
      }
    }
    return issues;
  }
}
