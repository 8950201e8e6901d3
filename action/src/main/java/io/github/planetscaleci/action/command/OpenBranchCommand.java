package io.github.planetscaleci.action.command;

import io.github.planetscaleci.core.report.MarkdownReport;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.workflow.BranchConnection;
import io.github.planetscaleci.core.workflow.OpenBranchRequest;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import io.github.planetscaleci.core.workflow.WaitPolicy;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** The {@code open-branch} command: opens the branch and turns its connection into outputs. */
public final class OpenBranchCommand {
  private OpenBranchCommand() {}

  /**
   * Opens the branch.
   *
   * @param mask registers a secret with the host before the outputs exist
   * @param ciDescription how the CI names this build, for the log; may be null
   */
  public static CommandResult run(
      Options options,
      Session session,
      String branch,
      String ciDescription,
      Consumer<String> mask) {
    WaitPolicy wait = WaitPolicy.withTimeout(options.duration(Option.WAIT_TIMEOUT));
    OpenBranchRequest request =
        new OpenBranchRequest(
            session.database(),
            branch,
            options.branchName(Option.PARENT_BRANCH),
            options.flag(Option.SEED_DATA),
            options.passwordRole(),
            options.duration(Option.PASSWORD_TTL),
            wait,
            ciDescription);
    OpenedBranch opened = session.workflows().openBranch(request);
    BranchConnection c = opened.connection();
    // Core masks through events too; masking here as well keeps the outputs safe on their own.
    String url = c.mysqlUrl();
    mask.accept(c.password());
    mask.accept(url);
    Map<Output, String> out = new EnumMap<>(Output.class);
    out.put(Output.BRANCH, opened.branch().name());
    out.put(Output.CREATED, Boolean.toString(opened.created()));
    out.put(Output.HOST, c.port() == 3306 ? c.host() : c.host() + ":" + c.port());
    out.put(Output.USERNAME, c.username());
    out.put(Output.PASSWORD, c.password());
    out.put(Output.DATABASE, c.database());
    out.put(Output.DATABASE_URL, url);
    out.put(Output.JDBC_URL, c.jdbcUrl());
    String summary = MarkdownReport.summary(ReportContext.of(session.database()), opened);
    return new CommandResult(out, summary, opened.lease());
  }
}
