package io.github.planetscaleci.emulator.diff;

/** Chooses the schema engine: the module's jOOQ-based engine once wired in, else the fallback. */
public final class SchemaOpsFactory {
  private SchemaOpsFactory() {}

  /** A new schema engine. */
  public static SchemaOps create() {
    return new FallbackSchemaOps();
  }
}
