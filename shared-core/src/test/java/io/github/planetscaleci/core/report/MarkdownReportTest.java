package io.github.planetscaleci.core.report;

import static io.github.planetscaleci.core.report.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.WorkflowException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.TableDiff;
import io.github.planetscaleci.core.workflow.CloseOutcome;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import io.github.planetscaleci.core.workflow.SweepResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void aFailedDeployIsReportedWithItsCodeAndMessageUnderTheTargetsMarker() {
    WorkflowException refused =
        new WorkflowException(
            ErrorCode.DATA_LOSS_BLOCKED,
            "deploy request #12 can drop data: DROP TABLE `old_orders`; set allow-data-loss to"
                + " deploy it anyway <img src=x> @team",
            null);
    String md =
        MarkdownReport.pullRequestFailureComment(
            CTX, DeployMode.DEPLOY, "feature-x", "main", refused);

    assertThat(md.lines().findFirst())
        .hasValue(
            MarkdownReport.pullRequestComment(CTX, Fixtures.preview()).lines().findFirst().get());
    assertThat(md)
        .contains("Schema deploy of `feature-x` into `main` on `acme/app` failed")
        .contains("**data\\_loss\\_blocked** (exit code 21)")
        .contains("DROP TABLE")
        .contains("set allow\\-data\\-loss to deploy it anyway")
        .contains("[CI run](https://github.com/o/r/actions/runs/42)")
        .doesNotContain("<img src=x>")
        .doesNotContain("@team");
    assertThat(MarkdownReport.deployFailure(CTX, DeployMode.PREVIEW, "feature-x", null, refused))
        .startsWith("### :x: Schema preview of `feature-x` into the default branch on `acme/app`")
        .doesNotContain("<!--");
  }

  @Test
  void commentHasMarkerStateLinksAndOneDiffBlockPerTable() {
    String md = MarkdownReport.pullRequestComment(CTX, Fixtures.preview());

    assertThat(md.lines().findFirst())
        .hasValue("<!-- planetscale-ci:deploy-request acme/app into main -->");
    assertThat(md)
        .contains("[#12](https://app.planetscale.com/acme/app/deploy-requests/12)")
        .contains("[Open the branch](https://app.planetscale.com/acme/app/feature-x)")
        .contains("Preview: 2 tables changed")
        .contains("**`users`** (+1 / -1)")
        .contains("[CI run](https://github.com/o/r/actions/runs/42)")
        .contains("2024-05-01T10:00:00Z")
        .contains("+ `email` varchar(255)");
    assertThat(countLines(md, "```diff")).isEqualTo(2);
    assertThat(md).doesNotContain("<details><summary><code>users");
    assertThat(MarkdownReport.pullRequestComment(CTX, Fixtures.preview())).isEqualTo(md);
  }

  @Test
  void dataLossWarningAppearsIffAnOperationCanDropData() {
    String risky = MarkdownReport.pullRequestComment(CTX, Fixtures.preview());
    DeployRequestOutcome safe =
        Fixtures.outcome(
            DeployMode.DEPLOY,
            DeploymentState.COMPLETE,
            List.of(new TableDiff("orders", "+x\n")),
            List.of(),
            List.of(Fixtures.op("orders", "CREATE TABLE `orders` (`id` bigint)", false)));

    assertThat(risky)
        .contains("> [!CAUTION]")
        .contains("can drop data")
        .contains("> - `users`: `` ALTER TABLE `users` DROP COLUMN `nick` ``");
    String safeMd = MarkdownReport.pullRequestComment(CTX, safe);
    assertThat(safeMd).doesNotContain("[!CAUTION]").doesNotContain("drop data");
    assertThat(safeMd).contains("Deployed: 1 table changed (state complete)");
  }

  @Test
  void lintErrorsBecomeATable() {
    DeployRequestOutcome o =
        Fixtures.outcome(
            DeployMode.PREVIEW,
            DeploymentState.READY,
            List.of(),
            List.of(Fixtures.lint("logs", "Table has no unique key")),
            List.of());
    String md = MarkdownReport.summary(CTX, o);
    assertThat(md)
        .contains("#### Lint errors (1)")
        .contains("| `NO_UNIQUE_KEY` | `logs` |  | Table has no unique key (")
        .doesNotContain("planetscale-ci:deploy-request");
  }

  @Test
  void longDiffsAreCollapsed() {
    DeployRequestOutcome o =
        Fixtures.outcome(
            DeployMode.PREVIEW,
            DeploymentState.READY,
            List.of(Fixtures.bigDiff("wide", 50), new TableDiff("small", "+a\n")),
            List.of(),
            List.of());
    String md = MarkdownReport.pullRequestComment(CTX, o);
    assertThat(md).contains("<details><summary><code>wide</code> (+50 / -0)</summary>");
    assertThat(md).contains("**`small`** (+1 / -0)");
    assertThat(countLines(md, "</details>")).isEqualTo(1);
  }

  @Test
  void hostileNamesAndContentCannotBreakOutOrInject() {
    String name = "<img src=x onerror=alert(1)>`|@octocat **b** [x](javascript:alert(1))";
    String content = "+ok\n```\n</details>\n<script>alert(1)</script>\n````\n";
    DeployRequestOutcome o =
        Fixtures.outcome(
            DeployMode.PREVIEW,
            DeploymentState.READY,
            List.of(new TableDiff(name, content), Fixtures.bigDiff(name, 30)),
            List.of(Fixtures.lint(name, "see [here](javascript:x) <b>bold</b> @team")),
            List.of(Fixtures.op(name, "DROP TABLE x", true)));

    String md = MarkdownReport.pullRequestComment(CTX, o);

    // Names are code spans (literal, no mention or HTML) or HTML-escaped in <summary>.
    assertThat(md).contains("<summary><code>&lt;img src=x onerror=alert(1)&gt;`|@\u200Doctocat");
    assertThat(md).doesNotContain("@team"); // prose: a zero-width joiner follows every @
    assertThat(md).contains("``<img src=x onerror=alert(1)>`\\|@octocat");
    // Prose is escaped: no link or tag survives.
    assertThat(md).contains("see \\[here\\]\\(javascript\\:x\\) \\<b\\>bold\\</b\\>");
    // The diff's own fences cannot close ours: ours are longer than any run inside.
    assertThat(md).contains("`````diff\n+ok\n```\n</details>");
    // two real blocks (the long table, the DDL) plus the literal line inside the fenced diff
    assertThat(md.lines().filter(l -> l.startsWith("<details>")).count()).isEqualTo(2);
    assertThat(countLines(md, "</details>")).isEqualTo(3);
  }

  @Test
  void hugeDiffsAreCutBelowGitHubsLimitWithANote() {
    List<TableDiff> tables = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      tables.add(Fixtures.bigDiff("table_" + i, 2000));
    }
    List<io.github.planetscaleci.core.model.LintError> lint = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      lint.add(Fixtures.lint("t" + i, "x".repeat(400)));
    }
    DeployRequestOutcome o =
        Fixtures.outcome(DeployMode.PREVIEW, DeploymentState.READY, tables, lint, List.of());

    String md = MarkdownReport.pullRequestComment(CTX, o);

    assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.MAX_CHARS);
    assertThat(md).startsWith(MarkdownReport.markerFor(CTX, o).line() + "\n");
    assertThat(md).contains("more lint errors").contains("more lines not shown");
    assertThat(md).contains("more tables not shown").contains("Shortened to fit");
    assertThat(md).endsWith("</sub>\n");
    assertThat(countLines(md, "<details>")).isZero();
    assertThat(md.lines().filter(l -> l.startsWith("<details>")).count())
        .isEqualTo(md.lines().filter(l -> l.equals("</details>")).count());
  }

  @Test
  void markerIsSanitisedAndMatchesOnlyAsFirstLine() {
    CommentMarker m = new CommentMarker(new DatabaseRef("acme", "app --> <b>"), null);
    assertThat(m.line())
        .isEqualTo("<!-- planetscale-ci:deploy-request acme/app_--___b_ into default -->");
    assertThat(m.isFirstLineOf(m.line() + "\nbody")).isTrue();
    assertThat(m.isFirstLineOf(m.line())).isTrue();
    assertThat(m.isFirstLineOf("x\n" + m.line())).isFalse();
    assertThat(m.isFirstLineOf(m.line() + "extra\n")).isFalse();
  }

  @Test
  void closeAndSweepSummaries() {
    String close = MarkdownReport.summary(CTX, new CloseOutcome("ci-pr-7", true, false, 2, null));
    assertThat(close).contains("`ci-pr-7`").contains("deleted; 2 passwords deleted");

    String sweep =
        MarkdownReport.summary(
            CTX,
            new SweepResult(
                true, List.of("ci-old-1", "ci-old-2"), List.of("ci-3 (open deploy request)")));
    assertThat(sweep)
        .contains("(dry run)")
        .contains("2 branches would be deleted, 1 kept")
        .contains("- `ci-old-1`")
        .contains("- ci\\-3 \\(open deploy request\\)");
  }

  static long countLines(String text, String line) {
    return text.lines().filter(line::equals).count();
  }
}
