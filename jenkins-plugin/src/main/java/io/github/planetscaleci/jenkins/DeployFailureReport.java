package io.github.planetscaleci.jenkins;

import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.report.ReportContext;

/**
 * The report of a deploy request that core refused (lint, data loss) or that failed or timed out:
 * the error's code and message, which core words for the reader and keeps free of secrets. Core's
 * reports render a finished outcome; a failure carries only its exception, so it is rendered here.
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

  /** Markdown for the pull-request comment (the caller's marker goes first). */
  static String markdown(
      ReportContext context, String branch, String into, PlanetScaleCiException e) {
    String message = message(e);
    String fence = fenceFor(message);
    StringBuilder s = new StringBuilder();
    s.append("### PlanetScale deploy request on ")
        .append(code(context.database().toString()))
        .append(" failed\n\n")
        .append("Branch ")
        .append(code(branch))
        .append(" into ")
        .append(into == null ? "the default target" : code(into))
        .append(": **")
        .append(e.code().id())
        .append("**\n\n")
        .append(fence)
        .append("text\n")
        .append(message)
        .append('\n')
        .append(fence)
        .append('\n');
    // The same footer as core's reports.
    String url = context.runUrl();
    s.append("\n<sub>Reported by planetscale-ci");
    if (url != null && url.matches("https?://[^\\s()<>\\[\\]]+")) {
      s.append(" · [CI run](").append(url).append(')');
    }
    return s.append("</sub>\n").toString();
  }

  private static String message(PlanetScaleCiException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().strip();
    return m.length() <= MESSAGE_MAX ? m : m.substring(0, MESSAGE_MAX) + " …";
  }

  /** A fence longer than any backtick run in {@code text}, so the text cannot close it. */
  private static String fenceFor(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  /** An inline code span of a name: one line, no backticks, so it cannot end the span early. */
  private static String code(String name) {
    return "`" + oneLine(name).replace('`', '\'') + "`";
  }

  private static String oneLine(String s) {
    return s == null ? "(none)" : s.replaceAll("\\p{Cntrl}", " ");
  }
}
