package io.github.planetscaleci.emulator.diff;

import io.github.planetscaleci.emulator.schema.DdlOperation;
import io.github.planetscaleci.emulator.schema.LintIssue;
import io.github.planetscaleci.emulator.schema.SchemaDiff;
import io.github.planetscaleci.emulator.schema.SchemaEngine;
import io.github.planetscaleci.emulator.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The module's schema engine behind the {@link SchemaOps} interface the services use. */
public final class EngineSchemaOps implements SchemaOps {
  private final SchemaEngine engine = new SchemaEngine();

  @Override
  public Snapshot createClone(Connection admin, String source, String target, boolean withData)
      throws SQLException {
    return new Snapshot(engine.createClone(admin, source, target, withData).tables());
  }

  @Override
  public Snapshot snapshot(Connection admin, String schema) throws SQLException {
    return new Snapshot(engine.snapshot(admin, schema).tables());
  }

  @Override
  public Diff diff(Snapshot target, Snapshot source) {
    SchemaDiff d =
        engine.diff(new SchemaSnapshot(target.tables()), new SchemaSnapshot(source.tables()));
    return new Diff(
        d.tables().stream().map(t -> new TableDiff(t.table(), t.kind().name(), t.raw())).toList(),
        d.operations().stream().map(EngineSchemaOps::ddl).toList(),
        lints(d.lint()));
  }

  @Override
  public void apply(Connection admin, String schema, List<Ddl> operations) throws SQLException {
    engine.apply(
        admin,
        schema,
        operations.stream()
            .map(o -> new DdlOperation(o.table(), o.operationName(), o.ddl(), o.canDropData()))
            .toList());
  }

  @Override
  public List<Lint> lint(Snapshot schema) {
    return lints(engine.lint(new SchemaSnapshot(schema.tables())));
  }

  private static Ddl ddl(DdlOperation o) {
    return new Ddl(o.table(), o.operationName(), o.ddl(), o.canDropData());
  }

  private static List<Lint> lints(List<LintIssue> issues) {
    return issues.stream()
        .map(
            i ->
                new Lint(
                    i.lintError(),
                    i.subjectType(),
                    i.table(),
                    i.column(),
                    i.description(),
                    i.docsUrl()))
        .toList();
  }
}
