package io.github.planetscaleci.emulator.schema;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The schema of one database branch: table (and view) name to its {@code SHOW CREATE TABLE} text.
 */
public record SchemaSnapshot(SortedMap<String, String> tables) {
  public SchemaSnapshot {
    tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
  }
}
