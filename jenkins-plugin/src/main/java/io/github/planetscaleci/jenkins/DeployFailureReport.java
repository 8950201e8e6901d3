package io.github.planetscaleci.jenkins;

import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.report.ReportContext;

/**
 * The plain-text report of a deploy request that core refused (lint, data loss) or that failed or
 * timed out, for the build log and the build page: the error's code and message, which core words
 * for the reader and keeps free of secrets. Core renders the Markdown of a failure ({@code
 * MarkdownReport.deployFailure}) but no plain text, so the text is put together here.
 */
final class DeployFailureReport {
  /** Longest message rendered; core's messages are far shorter, this only bounds a runaway one. */
  static final int MESSAGE_MAX = 20_000;

  private DeployFailureReport() {}

  /** Plain text for the build log and the build page. */
  static String text(ReportContext context, String branch, String into, PlanetScaleCiException e) {
    return "PlanetScale deploy request on "
        + oneLine(context.database().toString())
        + ": "
        + oneLine(branch)
        + " -> "
        + (into == null ? "(default target)" : oneLine(into))
        + "\nFAILED ["
        + e.code().id()
        + "]: "
        + message(e)
        + (context.runUrl() == null ? "" : "\nBuild: " + oneLine(context.runUrl()));
  }

  private static String message(PlanetScaleCiException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().strip();
    return m.length() <= MESSAGE_MAX ? m : m.substring(0, MESSAGE_MAX) + " …";
  }

  private static String oneLine(String s) {
    return s == null ? "(none)" : s.replaceAll("\\p{Cntrl}", " ");
  }
}
