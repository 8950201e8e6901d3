package io.github.planetscaleci.action.command;

import io.github.planetscaleci.core.report.MarkdownReport;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.workflow.BranchLease;
import io.github.planetscaleci.core.workflow.CloseOptions;
import io.github.planetscaleci.core.workflow.CloseOutcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The {@code close-branch} command and the post step: deletes passwords, then the branch. */
public final class CloseBranchCommand {
  private CloseBranchCommand() {}

  /**
   * Closes a branch opened earlier.
   *
   * @param lease the lease saved by open-branch, or null to close {@code branch} by name
   * @param explicit true when the user named the branch (a lease-less close may then delete a
   *     branch this tool did not create, never a production one)
   */
  public static CommandResult run(
      Options options, Session session, BranchLease lease, String branch, boolean explicit) {
    BranchLease target =
        lease != null ? lease : new BranchLease(session.database(), branch, false, List.of());
    boolean keep = options.flag(Option.KEEP_BRANCH);
    CloseOutcome outcome =
        session.workflows().closeBranch(target, new CloseOptions(!keep, explicit && lease == null));
    Map<Output, String> out = new EnumMap<>(Output.class);
    out.put(Output.BRANCH, target.branch());
    return new CommandResult(
        out, MarkdownReport.summary(ReportContext.of(session.database()), outcome), null);
  }
}
