package io.github.planetscaleci.action.command;

import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDiff;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;

/**
 * Markdown for the deploy-request summary and PR comment. Interim: replaced by core's report
 * package once it lands, so the Jenkins plugin renders the same text.
 */
public final class Reports {
  private Reports() {}

  /** The hidden marker that makes the PR comment sticky, one per database. */
  public static String marker(DatabaseRef db) {
    return "<!-- planetscale-ci:deploy-request:" + db + " -->";
  }

  /** The deploy-request report. */
  public static String deployRequest(DatabaseRef db, DeployRequestOutcome o) {
    StringBuilder md = new StringBuilder();
    String title =
        o.mode() == DeployMode.PREVIEW ? "Schema change preview" : "Schema change deployment";
    md.append("### ").append(title).append(" for `").append(db).append("`\n\n");
    var r = o.request();
    md.append("Deploy request ");
    if (r.htmlUrl() != null && !r.htmlUrl().isEmpty()) {
      md.append("[#").append(r.number()).append("](").append(r.htmlUrl()).append(")");
    } else {
      md.append("#").append(r.number());
    }
    md.append(": `").append(r.branch()).append("` → `").append(r.intoBranch()).append("`, state `");
    md.append(o.finalState().apiValue()).append("`");
    if (o.deployed()) {
      md.append(", **deployed**");
    } else if (o.closed()) {
      md.append(", closed");
    }
    md.append(".\n\n");
    if (o.noChanges()) {
      md.append("No schema changes.\n");
    }
    if (o.canDropData()) {
      md.append("> [!WARNING]\n> An operation of this change can drop data.\n\n");
    }
    for (LintError e : o.lintErrors()) {
      md.append("- Lint `").append(e.lintError()).append("`");
      if (e.tableName() != null) {
        md.append(" on `").append(e.tableName()).append("`");
      }
      if (e.errorDescription() != null) {
        md.append(": ").append(e.errorDescription());
      }
      md.append("\n");
    }
    for (TableDiff d : o.diff()) {
      md.append("\n<details><summary><code>").append(d.name()).append("</code></summary>\n\n");
      md.append("```diff\n").append(d.raw() == null ? "" : d.raw().replace("```", "`​``"));
      md.append("\n```\n</details>\n");
    }
    return md.toString();
  }
}
