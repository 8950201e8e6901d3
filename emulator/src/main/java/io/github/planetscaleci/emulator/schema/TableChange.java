package io.github.planetscaleci.emulator.schema;

/** One changed table with a line diff ({@code +} / {@code -} prefixed lines) of its definition. */
public record TableChange(String table, Kind kind, String raw) {
  /** How the table changed. */
  public enum Kind {
    CREATED,
    ALTERED,
    DROPPED
  }
}
