package io.github.planetscaleci.core.report;

import io.github.planetscaleci.core.model.DatabaseRef;
import java.time.Instant;
import java.util.Objects;

/**
 * Facts a report needs that the workflow outcome does not carry; the caller supplies them, so
 * rendering stays deterministic and core reads no environment.
 *
 * @param database the database the outcome is about
 * @param runUrl the CI run or build page (rendered as a link when it is http or https), or null
 * @param generatedAt the time to print in the footer, or null for none
 */
public record ReportContext(DatabaseRef database, String runUrl, Instant generatedAt) {
  public ReportContext {
    Objects.requireNonNull(database, "database");
  }

  /** A context naming only the database: no run link, no timestamp. */
  public static ReportContext of(DatabaseRef database) {
    return new ReportContext(database, null, null);
  }
}
