package io.github.planetscaleci.core.report;

import io.github.planetscaleci.core.model.TableDiff;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Pieces shared by the Markdown renderings: footers and size-bounded code blocks. */
final class MarkdownParts {
  /** Longer diff lines are cut: nobody reads them in a comment, and they would eat the budget. */
  static final int LINE_MAX = 1000;

  private MarkdownParts() {}

  /** The footer: tool name, run link and timestamp when the context has them. */
  static String footer(ReportContext ctx) {
    StringBuilder s = new StringBuilder("<sub>Reported by planetscale-ci");
    if (Md.isSafeUrl(ctx.runUrl())) {
      s.append(" · ").append(Md.link("CI run", ctx.runUrl()));
    }
    if (ctx.generatedAt() != null) {
      s.append(" · ").append(DateTimeFormatter.ISO_INSTANT.format(ctx.generatedAt()));
    }
    return s.append("</sub>\n").toString();
  }

  /**
   * Appends one table's diff as a fenced block (inside {@code <details>} when long or when {@code
   * collapse}), keeping as many lines as fit; returns false when not even a few lines fit.
   */
  static boolean codeBlock(Budget b, TableDiff d, boolean collapse, String lang) {
    List<String> lines = DeployFacts.lines(d.raw());
    int[] counts = DeployFacts.lineCounts(d.raw());
    String stats = lang.equals("diff") ? " (+" + counts[0] + " / -" + counts[1] + ")" : "";
    String summary = "<code>" + Md.html(d.name(), Md.NAME_MAX) + "</code>" + stats;
    String heading = "**" + Md.code(d.name()) + "**" + stats;
    return block(b, summary, heading, lines, collapse, lang);
  }

  /** Appends a collapsed block with a plain-text summary label. */
  static boolean labelledBlock(Budget b, String label, List<String> lines, String lang) {
    return block(b, Md.html(label, Md.TEXT_MAX), null, lines, true, lang);
  }

  private static boolean block(
      Budget b,
      String summaryHtml,
      String headingMd,
      List<String> lines,
      boolean collapse,
      String lang) {
    boolean folded = collapse || headingMd == null || lines.size() > DeployMarkdown.COLLAPSE_LINES;
    StringBuilder content = new StringBuilder();
    for (String line : lines) {
      content.append(line.length() > LINE_MAX ? line.substring(0, LINE_MAX) + " …" : line);
      content.append('\n');
    }
    String fence = Md.fenceFor(content.toString());
    String open =
        (folded ? "<details><summary>" + summaryHtml + "</summary>\n\n" : headingMd + "\n\n")
            + fence
            + lang
            + "\n";
    String close = fence + "\n" + (folded ? "\n</details>\n\n" : "\n");
    int room = b.remaining() - open.length() - close.length() - 80;
    StringBuilder body = new StringBuilder();
    int kept = 0;
    for (String line : content.toString().split("\n", -1)) {
      if (kept == lines.size()) {
        break;
      }
      if (body.length() + line.length() + 1 > room) {
        break;
      }
      body.append(line).append('\n');
      kept++;
    }
    if (kept == 0 && !lines.isEmpty()) {
      b.markTruncated();
      return false;
    }
    if (kept < lines.size()) {
      b.markTruncated();
      body.append("… ").append(lines.size() - kept).append(" more lines not shown\n");
    }
    return b.add(open + body + close);
  }
}
