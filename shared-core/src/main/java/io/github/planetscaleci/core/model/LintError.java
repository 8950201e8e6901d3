package io.github.planetscaleci.core.model;

/** One schema lint error, e.g. {@code NO_UNIQUE_KEY} on a table. */
public record LintError(
    String lintError,
    String subjectType,
    String keyspaceName,
    String tableName,
    String columnName,
    String errorDescription,
    String docsUrl) {}
