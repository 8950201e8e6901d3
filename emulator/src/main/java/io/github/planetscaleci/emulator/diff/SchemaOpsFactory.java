package io.github.planetscaleci.emulator.diff;

/** Creates the schema engine the services use. */
public final class SchemaOpsFactory {
  private SchemaOpsFactory() {}

  /** A new schema engine. */
  public static SchemaOps create() {
    return new EngineSchemaOps();
  }
}
