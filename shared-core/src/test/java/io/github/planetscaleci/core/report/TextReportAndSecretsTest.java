package io.github.planetscaleci.core.report;

import static io.github.planetscaleci.core.report.Fixtures.CTX;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.TableDiff;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportAndSecretsTest {
  static final String PASSWORD = "pscale_pw_CANARYsecret0123456789";

  @Test
  void noRenderingOfAnOpenedBranchContainsThePassword() {
    OpenedBranch opened = Fixtures.opened(PASSWORD);
    List<String> renderings =
        List.of(
            MarkdownReport.summary(CTX, opened),
            TextReport.openedBranch(CTX, opened),
            opened.connection().toString());
    for (String r : renderings) {
      assertThat(r).doesNotContain(PASSWORD).doesNotContain("CANARY");
    }
    assertThat(renderings.get(0))
        .contains("`ci-pr-7-42-1`")
        .contains("`aws.connect.psdb.cloud:3306`")
        .contains("`user123`")
        .contains("| Database | `app` |");
    assertThat(renderings.get(1))
        .contains("Host: aws.connect.psdb.cloud:3306")
        .contains("Username: user123");
  }

  @Test
  void textStatesTheSameFactsWithoutMarkdown() {
    String text = TextReport.deployRequest(CTX, Fixtures.preview());
    assertThat(text)
        .startsWith("PlanetScale deploy request #12 on acme/app: feature-x -> main\n")
        .contains("Preview: 2 tables changed")
        .contains("Deploy request: https://app.planetscale.com/acme/app/deploy-requests/12")
        .contains("WARNING: this schema change can drop data:")
        .contains("  - users: ALTER TABLE `users` DROP COLUMN `nick`")
        .contains("    | + `email` varchar(255)")
        .doesNotContain("```")
        .doesNotContain("**");
  }

  @Test
  void aCraftedNameCannotStartAWorkflowCommand() {
    String name = "t\n::add-mask::x\r\n##[error]boom";
    DeployRequestOutcome o =
        Fixtures.outcome(
            DeployMode.PREVIEW,
            DeploymentState.READY,
            List.of(new TableDiff(name, "::warning::diff line\n  ::error::indented\n")),
            List.of(Fixtures.lint(name, "::stop-commands::tok")),
            List.of(Fixtures.op(name, "::set-output name=x::y", true)));

    String text = TextReport.deployRequest(CTX, o);

    assertThat(text.lines())
        .noneMatch(l -> l.stripLeading().startsWith("::") || l.stripLeading().startsWith("##["));
    assertThat(text).contains("t ::add-mask::x  ##[error]boom");
  }

  @Test
  void neutralizeGuardsEveryLine() {
    assertThat(TextReport.neutralize("ok\n  ::error::x\n##[group]y"))
        .isEqualTo("ok\n>   ::error::x\n> ##[group]y");
  }
}
