package io.github.planetscaleci.core.model;

/** One table of a branch schema: {@code raw} is its CREATE TABLE statement. */
public record TableDefinition(String name, String raw) {}
