package io.github.planetscaleci.emulator.api;

import java.util.List;

/** One item of lint_branch_schema. */
public record SchemaLintDto(
    String type,
    String lintError,
    String subjectType,
    String keyspaceName,
    String tableName,
    String errorDescription,
    String docsUrl,
    String columnName,
    List<String> foreignKeyColumnNames,
    List<String> autoIncrementColumnNames,
    String charsetName,
    String engineName,
    String vindexName,
    String jsonPath,
    String checkConstraintName,
    String enumValue,
    String partitioningType,
    String partitionName) {}
