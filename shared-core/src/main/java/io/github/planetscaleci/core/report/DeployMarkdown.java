package io.github.planetscaleci.core.report;

import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDiff;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import java.util.List;

/** Renders a deploy-request outcome as Markdown within a size budget. */
final class DeployMarkdown {
  /** Tables with more diff lines than this are collapsed. */
  static final int COLLAPSE_LINES = 20;

  /** With more tables than this, every table is collapsed. */
  static final int COLLAPSE_TABLES = 5;

  private static final int NOTE_RESERVE = 400;

  private DeployMarkdown() {}

  static String render(ReportContext ctx, DeployRequestOutcome o, String markerLine, int max) {
    String footer = MarkdownParts.footer(ctx);
    Budget b = new Budget(max - footer.length() - NOTE_RESERVE);
    DeployRequest r = o.request();
    if (markerLine != null) {
      b.force(markerLine + "\n");
    }
    b.force(title(ctx, r));
    // the headline is built from enum values and counts only: nothing to escape
    b.force("**" + DeployFacts.headline(o) + "**\n\n");
    String links = links(r);
    if (!links.isEmpty()) {
      b.force(links + "\n\n");
    }
    String checkErrors = DeployFacts.deployCheckErrors(r);
    if (checkErrors != null) {
      b.force("**Deploy check errors:** " + Md.text(checkErrors, Md.TEXT_MAX) + "\n\n");
    }
    int quarter = b.remaining() / 4;
    if (o.canDropData()) {
      dataLoss(b, o, quarter);
    }
    if (!o.lintErrors().isEmpty()) {
      lint(b, o.lintErrors(), quarter);
    }
    if (!o.diff().isEmpty()) {
      diff(b, o.diff());
    }
    if (!o.operations().isEmpty()) {
      operations(b, o.operations());
    }
    String out = b.toString();
    if (b.truncated()) {
      out +=
          "_Shortened to fit GitHub's size limit: the deploy request shows the complete diff,"
              + " lint errors and operations._\n\n";
    }
    return out + footer;
  }

  private static String title(ReportContext ctx, DeployRequest r) {
    String number = DeployFacts.number(r);
    String label = number.isEmpty() ? "" : " " + Md.link(number, r.htmlUrl());
    String from = r == null ? "" : Md.code(r.branch());
    String into = r == null ? "" : Md.code(r.intoBranch());
    return "### PlanetScale deploy request"
        + label
        + " on "
        + Md.code(ctx.database().toString())
        + (r == null ? "" : ": " + from + " → " + into)
        + "\n\n";
  }

  private static String links(DeployRequest r) {
    StringBuilder s = new StringBuilder();
    if (r != null && Md.isSafeUrl(r.htmlUrl())) {
      s.append(Md.link("Open the deploy request", r.htmlUrl()));
    }
    String branchUrl = DeployFacts.branchUrl(r);
    if (branchUrl != null) {
      s.append(s.length() == 0 ? "" : " · ").append(Md.link("Open the branch", branchUrl));
    }
    return s.toString();
  }

  private static void dataLoss(Budget b, DeployRequestOutcome o, int allotment) {
    List<DeployOperation> ops = DeployFacts.dataLossOperations(o);
    int start = b.length();
    b.force("> [!CAUTION]\n> **This schema change can drop data.**");
    if (ops.isEmpty()) {
      b.force(" The deploy request reports possible data loss: review the diff below.\n\n");
      return;
    }
    b.force(" " + ops.size() + (ops.size() == 1 ? " operation" : " operations") + ":\n>\n");
    int shown = 0;
    for (DeployOperation op : ops) {
      String row =
          "> - " + Md.code(op.tableName()) + ": " + Md.code(op.ddlStatement(), Md.DDL_MAX) + "\n";
      if (b.length() - start + row.length() > allotment || !b.add(row)) {
        break;
      }
      shown++;
    }
    if (shown < ops.size()) {
      b.markTruncated();
      b.force("> - …and " + (ops.size() - shown) + " more\n");
    }
    b.force("\n");
  }

  private static void lint(Budget b, List<LintError> errors, int allotment) {
    int start = b.length();
    b.force("#### Lint errors (" + errors.size() + ")\n\n");
    b.force("| Lint | Table | Column | Description |\n|---|---|---|---|\n");
    int shown = 0;
    for (LintError e : errors) {
      String description = Md.text(e.errorDescription(), Md.TEXT_MAX);
      if (Md.isSafeUrl(e.docsUrl())) {
        description += " (" + Md.link("docs", e.docsUrl()) + ")";
      }
      String row =
          "| "
              + Md.code(e.lintError())
              + " | "
              + (e.tableName() == null ? "" : Md.code(e.tableName()))
              + " | "
              + (e.columnName() == null || e.columnName().isBlank() ? "" : Md.code(e.columnName()))
              + " | "
              + description
              + " |\n";
      if (b.length() - start + row.length() > allotment || !b.add(row)) {
        break;
      }
      shown++;
    }
    b.force("\n");
    if (shown < errors.size()) {
      b.markTruncated();
      b.force("…and " + (errors.size() - shown) + " more lint errors.\n\n");
    }
  }

  private static void diff(Budget b, List<TableDiff> diffs) {
    b.force(
        "#### Schema diff (" + diffs.size() + (diffs.size() == 1 ? " table" : " tables") + ")\n\n");
    boolean collapseAll = diffs.size() > COLLAPSE_TABLES;
    int shown = 0;
    for (TableDiff d : diffs) {
      if (!MarkdownParts.codeBlock(b, d, collapseAll, "diff")) {
        break;
      }
      shown++;
    }
    if (shown < diffs.size()) {
      b.markTruncated();
      b.force("…and " + (diffs.size() - shown) + " more tables not shown.\n\n");
    }
  }

  private static void operations(Budget b, List<DeployOperation> ops) {
    List<String> lines = new java.util.ArrayList<>();
    for (DeployOperation op : ops) {
      String ddl = Md.cleanBlock(op.ddlStatement()).strip().replace('\n', ' ');
      lines.add(ddl.endsWith(";") ? ddl : ddl + ";");
    }
    String label = ops.size() + (ops.size() == 1 ? " DDL operation" : " DDL operations");
    if (!MarkdownParts.labelledBlock(b, label, lines, "sql")) {
      b.markTruncated();
    }
  }
}
