package io.github.planetscaleci.emulator.schema;

import java.util.List;

/** What turns a target schema into a source (branch) schema, with the lint of the source. */
public record SchemaDiff(
    List<TableChange> tables, List<DdlOperation> operations, List<LintIssue> lint) {
  public SchemaDiff {
    tables = List.copyOf(tables);
    operations = List.copyOf(operations);
    lint = List.copyOf(lint);
  }

  /** True when no table changes (lint issues do not count). */
  public boolean isEmpty() {
    return tables.isEmpty() && operations.isEmpty();
  }
}
