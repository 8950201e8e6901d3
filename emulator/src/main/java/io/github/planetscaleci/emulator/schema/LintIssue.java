package io.github.planetscaleci.emulator.schema;

/** One schema lint error in PlanetScale's shape (e.g. {@code NO_UNIQUE_KEY}). */
public record LintIssue(
    String lintError,
    String subjectType,
    String table,
    String column,
    String description,
    String docsUrl) {}
