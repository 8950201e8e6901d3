package io.github.planetscaleci.emulator.schema;

/**
 * One DDL statement of a deploy, for exactly one table; {@code operationName} is CREATE, ALTER or
 * DROP.
 */
public record DdlOperation(String table, String operationName, String ddl, boolean canDropData) {}
