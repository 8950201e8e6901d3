package io.github.planetscaleci.core.report;

import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDiff;
import io.github.planetscaleci.core.workflow.BranchConnection;
import io.github.planetscaleci.core.workflow.CloseOutcome;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import io.github.planetscaleci.core.workflow.SweepResult;
import java.util.List;

/**
 * Plain text for build logs: the facts of the Markdown reports without markup.
 *
 * <p>Untrusted values never start a line and no line starts with {@code ::} or {@code ##[}, so a
 * crafted table or branch name cannot issue a GitHub Actions workflow command; no password or URL
 * holding one is ever rendered.
 */
public final class TextReport {
  /** Diff lines printed at most, over all tables. */
  static final int DIFF_LINES_MAX = 2000;

  /** Lint errors, operations and sweep entries printed at most. */
  static final int ITEMS_MAX = 200;

  private TextReport() {}

  /** The outcome of a deploy request: state, links, data-loss warning, lint errors and diff. */
  public static String deployRequest(ReportContext context, DeployRequestOutcome o) {
    StringBuilder s = new StringBuilder();
    DeployRequest r = o.request();
    s.append("PlanetScale deploy request");
    String number = DeployFacts.number(r);
    s.append(number.isEmpty() ? "" : " " + number).append(" on ").append(v(context.database()));
    if (r != null) {
      s.append(": ").append(v(r.branch())).append(" -> ").append(v(r.intoBranch()));
    }
    s.append('\n').append(DeployFacts.headline(o)).append('\n');
    if (r != null && Md.isSafeUrl(r.htmlUrl())) {
      s.append("Deploy request: ").append(r.htmlUrl()).append('\n');
    }
    String branchUrl = DeployFacts.branchUrl(r);
    if (branchUrl != null) {
      s.append("Branch: ").append(branchUrl).append('\n');
    }
    String checkErrors = DeployFacts.deployCheckErrors(r);
    if (checkErrors != null) {
      s.append("Deploy check errors: ").append(v(checkErrors)).append('\n');
    }
    if (o.canDropData()) {
      List<DeployOperation> ops = DeployFacts.dataLossOperations(o);
      s.append("WARNING: this schema change can drop data");
      s.append(ops.isEmpty() ? " (reported by the deploy request)\n" : ":\n");
      items(
          s,
          ops,
          op -> v(op.tableName()) + ": " + Md.clean(op.ddlStatement(), MarkdownParts.LINE_MAX));
    }
    if (!o.lintErrors().isEmpty()) {
      s.append("Lint errors (").append(o.lintErrors().size()).append("):\n");
      items(s, o.lintErrors(), TextReport::lint);
    }
    if (!o.diff().isEmpty()) {
      s.append("Schema diff (").append(o.diff().size()).append(" tables):\n");
      diff(s, o.diff());
    }
    if (!o.operations().isEmpty()) {
      s.append("DDL operations (").append(o.operations().size()).append("):\n");
      items(
          s,
          o.operations(),
          op -> v(op.tableName()) + ": " + Md.clean(op.ddlStatement(), MarkdownParts.LINE_MAX));
    }
    return neutralize(s.toString());
  }

  /** An opened branch: names, host and user, never the password. */
  public static String openedBranch(ReportContext context, OpenedBranch opened) {
    BranchConnection c = opened.connection();
    String text =
        "PlanetScale branch "
            + v(opened.branch().name())
            + (opened.created() ? " created" : " reused")
            + " on "
            + v(context.database())
            + (opened.branch().parentBranch() == null
                ? ""
                : " (parent " + v(opened.branch().parentBranch()) + ")")
            + "\nHost: "
            + v(c.host() + (c.port() > 0 ? ":" + c.port() : ""))
            + "\nUsername: "
            + v(c.username())
            + "\nDatabase: "
            + v(c.database())
            + "\n";
    return neutralize(text);
  }

  /** The outcome of closing a branch. */
  public static String closeBranch(ReportContext context, CloseOutcome outcome) {
    return neutralize(
        "PlanetScale branch on " + v(context.database()) + ": " + closeSentence(outcome) + "\n");
  }

  /** The result of a sweep. */
  public static String sweep(ReportContext context, SweepResult result) {
    StringBuilder s = new StringBuilder("PlanetScale sweep");
    s.append(result.dryRun() ? " (dry run)" : "").append(" on ").append(v(context.database()));
    s.append(": ").append(sweepSentence(result)).append('\n');
    if (!result.deleted().isEmpty()) {
      s.append(result.dryRun() ? "Would delete:\n" : "Deleted:\n");
      items(s, result.deleted(), TextReport::v);
    }
    if (!result.kept().isEmpty()) {
      s.append("Kept:\n");
      items(s, result.kept(), TextReport::v);
    }
    if (!result.closedRequests().isEmpty()) {
      s.append(
          result.dryRun()
              ? "Would close (stale deploy requests):\n"
              : "Closed (stale deploy requests):\n");
      items(s, result.closedRequests(), TextReport::v);
    }
    return neutralize(s.toString());
  }

  static String closeSentence(CloseOutcome o) {
    String passwords =
        o.passwordsDeleted() == 1
            ? "1 password deleted"
            : o.passwordsDeleted() + " passwords deleted";
    if (o.kept() != null && !o.kept().isBlank()) {
      return "branch " + v(o.branch()) + " kept (" + v(o.kept()) + "); " + passwords + ".";
    }
    if (o.alreadyGone()) {
      return "branch " + v(o.branch()) + " was already deleted; " + passwords + ".";
    }
    return "branch "
        + v(o.branch())
        + (o.branchDeleted() ? " deleted; " : " not deleted; ")
        + passwords
        + ".";
  }

  static String sweepSentence(SweepResult r) {
    int n = r.deleted().size();
    String branches = n == 1 ? "1 branch" : n + " branches";
    return (r.dryRun() ? branches + " would be deleted" : branches + " deleted")
        + ", "
        + r.kept().size()
        + " kept"
        + (r.closedRequests().isEmpty()
            ? "."
            : "; "
                + r.closedRequests().size()
                + (r.closedRequests().size() == 1
                    ? " stale deploy request"
                    : " stale deploy requests")
                + (r.dryRun() ? " would be closed." : " closed."));
  }

  private static String lint(LintError e) {
    String where =
        (e.tableName() == null ? "" : " on table " + v(e.tableName()))
            + (e.columnName() == null || e.columnName().isBlank()
                ? ""
                : " column " + v(e.columnName()));
    String docs = Md.isSafeUrl(e.docsUrl()) ? " (docs: " + e.docsUrl() + ")" : "";
    return v(e.lintError()) + where + ": " + Md.clean(e.errorDescription(), Md.TEXT_MAX) + docs;
  }

  private static void diff(StringBuilder s, List<TableDiff> diffs) {
    int budget = DIFF_LINES_MAX;
    for (TableDiff d : diffs) {
      int[] counts = DeployFacts.lineCounts(d.raw());
      s.append("  ").append(v(d.name()));
      s.append(" (+").append(counts[0]).append(" / -").append(counts[1]).append("):\n");
      List<String> lines = DeployFacts.lines(d.raw());
      int shown = Math.min(lines.size(), Math.max(budget, 0));
      for (String line : lines.subList(0, shown)) {
        String cut = line.length() > MarkdownParts.LINE_MAX ? line.substring(0, 1000) + " …" : line;
        s.append("    | ").append(cut).append('\n');
      }
      if (shown < lines.size()) {
        s.append("    … ").append(lines.size() - shown).append(" more lines not shown\n");
      }
      budget -= shown;
    }
  }

  private static <T> void items(
      StringBuilder s, List<T> items, java.util.function.Function<T, String> line) {
    items.stream()
        .limit(ITEMS_MAX)
        .forEach(i -> s.append("  - ").append(line.apply(i)).append('\n'));
    if (items.size() > ITEMS_MAX) {
      s.append("  - …and ").append(items.size() - ITEMS_MAX).append(" more\n");
    }
  }

  /** An untrusted value on one line: no control characters, bounded length. */
  private static String v(Object value) {
    return value == null ? "(none)" : Md.clean(String.valueOf(value), Md.NAME_MAX);
  }

  /** Defence in depth: a line that would start a workflow command is indented behind "> ". */
  static String neutralize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      String lead = line.stripLeading();
      if (lead.startsWith("::") || lead.startsWith("##[")) {
        out.append("> ");
      }
      out.append(line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
