package io.github.planetscaleci.core.model;

/** The diff of one table: {@code raw} lines start with {@code +} or {@code -}. */
public record TableDiff(String name, String raw) {}
