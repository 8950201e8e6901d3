package io.github.planetscaleci.core.report;

import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.workflow.BranchConnection;
import io.github.planetscaleci.core.workflow.CloseOutcome;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import io.github.planetscaleci.core.workflow.SweepResult;
import java.util.List;

/**
 * Markdown (GitHub-flavoured) for pull-request comments, job summaries and build summaries.
 *
 * <p>Output is deterministic for equal inputs; untrusted text (names, API messages, diffs) is
 * escaped or fenced so it cannot add links, HTML or mentions; no password or URL holding one is
 * ever rendered.
 */
public final class MarkdownReport {
  /** Largest rendering, kept below GitHub's limit of 65,536 characters per comment. */
  public static final int MAX_CHARS = 60_000;

  /** Lists (sweep results) show at most this many entries. */
  static final int LIST_MAX = 100;

  /** Error messages are cut here: long enough for the API's words and the advice after them. */
  static final int MESSAGE_MAX = 2_000;

  private MarkdownReport() {}

  /**
   * The sticky pull-request comment for a deploy request: its first line is the marker of {@link
   * #markerFor}; diffs per table, lint errors, a data-loss warning, state and links follow.
   */
  public static String pullRequestComment(ReportContext context, DeployRequestOutcome outcome) {
    return DeployMarkdown.render(context, outcome, markerFor(context, outcome).line(), MAX_CHARS);
  }

  /** The marker that identifies the comment of this database and target branch. */
  public static CommentMarker markerFor(ReportContext context, DeployRequestOutcome outcome) {
    return new CommentMarker(
        context.database(), outcome.request() == null ? null : outcome.request().intoBranch());
  }

  /** A job or build summary of a deploy-request outcome (the comment without the marker). */
  public static String summary(ReportContext context, DeployRequestOutcome outcome) {
    return DeployMarkdown.render(context, outcome, null, MAX_CHARS);
  }

  /**
   * A job or build summary of a deploy-request run that failed (a gate refused it, the deployment
   * failed, a wait timed out): what was asked, the error's code and its message, which says what to
   * do. Core's messages never hold a secret; they are escaped like any untrusted text.
   *
   * @param intoBranch the target as the user gave it, or null for the default
   */
  public static String deployFailure(
      ReportContext context,
      DeployMode mode,
      String branch,
      String intoBranch,
      PlanetScaleCiException failure) {
    String what = mode == DeployMode.DEPLOY ? "Schema deploy" : "Schema preview";
    return "### :x: "
        + what
        + " of "
        + Md.code(branch)
        + " into "
        + (intoBranch == null || intoBranch.isBlank() ? "the default branch" : Md.code(intoBranch))
        + " on "
        + Md.code(context.database().toString())
        + " failed\n\n**"
        + Md.text(failure.code().id(), Md.NAME_MAX)
        + "** (exit code "
        + failure.code().exitCode()
        + "): "
        + Md.text(failure.getMessage(), MESSAGE_MAX)
        + "\n\n"
        + MarkdownParts.footer(context);
  }

  /**
   * The sticky pull-request comment for a failed deploy-request run: the {@link #deployFailure}
   * report under the marker of that database and target, so it replaces the earlier comment for the
   * same target (when the target was named; the default target has its own marker).
   */
  public static String pullRequestFailureComment(
      ReportContext context,
      DeployMode mode,
      String branch,
      String intoBranch,
      PlanetScaleCiException failure) {
    return markerFor(context, intoBranch).line()
        + "\n"
        + deployFailure(context, mode, branch, intoBranch, failure);
  }

  /** The marker of the comment for this database and target (null: the default target). */
  public static CommentMarker markerFor(ReportContext context, String intoBranch) {
    return new CommentMarker(context.database(), intoBranch);
  }

  /** A summary of an opened branch: names, host and user, never the password. */
  public static String summary(ReportContext context, OpenedBranch opened) {
    BranchConnection c = opened.connection();
    String name = opened.branch().name();
    StringBuilder s = new StringBuilder();
    s.append("### PlanetScale branch ")
        .append(Md.code(name))
        .append(opened.created() ? " created" : " reused")
        .append(" on ")
        .append(Md.code(context.database().toString()))
        .append("\n\n| | |\n|---|---|\n");
    row(s, "Branch", Md.link(Md.code(name), opened.branch().htmlUrl()));
    row(s, "Parent", Md.code(opened.branch().parentBranch()));
    row(s, "Created by this run", opened.created() ? "yes" : "no (an existing branch was reused)");
    row(s, "Host", Md.code(c.host() + (c.port() > 0 ? ":" + c.port() : "")));
    row(s, "Username", Md.code(c.username()));
    row(s, "Database", Md.code(c.database()));
    row(s, "TLS", c.tls() ? "required" : "off (loopback emulator)");
    return s.append('\n').append(MarkdownParts.footer(context)).toString();
  }

  /** A summary of closing a branch. */
  public static String summary(ReportContext context, CloseOutcome outcome) {
    return "### PlanetScale branch "
        + Md.code(outcome.branch())
        + " on "
        + Md.code(context.database().toString())
        + "\n\n"
        + Md.text(TextReport.closeSentence(outcome), Md.TEXT_MAX)
        + "\n\n"
        + MarkdownParts.footer(context);
  }

  /** A summary of a sweep: branches deleted (or to delete, in a dry run) and kept. */
  public static String summary(ReportContext context, SweepResult result) {
    StringBuilder s = new StringBuilder("### PlanetScale sweep");
    s.append(result.dryRun() ? " (dry run)" : "")
        .append(" on ")
        .append(Md.code(context.database().toString()))
        .append("\n\n")
        .append(Md.text(TextReport.sweepSentence(result), Md.TEXT_MAX))
        .append("\n\n");
    list(s, result.dryRun() ? "Would delete" : "Deleted", result.deleted(), true);
    list(s, "Kept", result.kept(), false);
    return s.append(MarkdownParts.footer(context)).toString();
  }

  private static void row(StringBuilder s, String key, String value) {
    s.append("| ").append(key).append(" | ").append(value).append(" |\n");
  }

  private static void list(StringBuilder s, String title, List<String> items, boolean names) {
    if (items.isEmpty()) {
      return;
    }
    s.append("**").append(title).append("**\n\n");
    items.stream()
        .limit(LIST_MAX)
        .forEach(
            i -> s.append("- ").append(names ? Md.code(i) : Md.text(i, Md.TEXT_MAX)).append('\n'));
    if (items.size() > LIST_MAX) {
      s.append("- …and ").append(items.size() - LIST_MAX).append(" more\n");
    }
    s.append('\n');
  }
}
