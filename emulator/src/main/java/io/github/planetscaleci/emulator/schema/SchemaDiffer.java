package io.github.planetscaleci.emulator.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two snapshots table by table. Operations come in a runnable order: view drops, table
 * operations by table name, then view creations and replacements.
 */
final class SchemaDiffer {
  private SchemaDiffer() {}

  static SchemaDiff diff(SchemaSnapshot target, SchemaSnapshot source) {
    Map<String, TableDefinition> before = parseAll(target);
    Map<String, TableDefinition> after = parseAll(source);
    List<TableChange> changes = new ArrayList<>();
    List<DdlOperation> viewDrops = new ArrayList<>();
    List<DdlOperation> tableOps = new ArrayList<>();
    List<DdlOperation> viewCreates = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      TableDefinition from = before.get(name);
      TableDefinition to = after.get(name);
      if (from == null) {
        changes.add(new TableChange(name, TableChange.Kind.CREATED, LineDiff.diff("", to.text())));
        (to.view() ? viewCreates : tableOps)
            .add(new DdlOperation(name, "CREATE", to.text(), false));
      } else if (to == null) {
        changes.add(
            new TableChange(name, TableChange.Kind.DROPPED, LineDiff.diff(from.text(), "")));
        (from.view() ? viewDrops : tableOps)
            .add(new DdlOperation(name, "DROP", dropDdl(from), !from.view()));
      } else if (!from.sameStructure(to)) {
        changes.add(
            new TableChange(name, TableChange.Kind.ALTERED, LineDiff.diff(from.text(), to.text())));
        if (from.view() && to.view()) {
          String ddl = "CREATE OR REPLACE " + to.text().substring("CREATE ".length());
          viewCreates.add(new DdlOperation(name, "ALTER", ddl, false));
        } else if (from.view() || to.view()) {
          (from.view() ? viewDrops : tableOps)
              .add(new DdlOperation(name, "DROP", dropDdl(from), !from.view()));
          (to.view() ? viewCreates : tableOps)
              .add(new DdlOperation(name, "CREATE", to.text(), false));
        } else {
          tableOps.add(AlterPlanner.plan(from, to));
        }
      }
    }
    List<DdlOperation> operations = new ArrayList<>(viewDrops);
    operations.addAll(tableOps);
    operations.addAll(viewCreates);
    return new SchemaDiff(changes, operations, Linter.lint(source));
  }

  private static String dropDdl(TableDefinition definition) {
    return "DROP " + (definition.view() ? "VIEW " : "TABLE ") + Sql.quote(definition.name());
  }

  private static Map<String, TableDefinition> parseAll(SchemaSnapshot snapshot) {
    Map<String, TableDefinition> out = new TreeMap<>();
    snapshot.tables().forEach((name, text) -> out.put(name, TableDefinition.parse(name, text)));
    return out;
  }
}
