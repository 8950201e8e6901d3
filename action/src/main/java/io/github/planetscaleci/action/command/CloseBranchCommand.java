package io.github.planetscaleci.action.command;

import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.WorkflowException;
import io.github.planetscaleci.core.naming.BranchNames;
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
   * Closes a branch.
   *
   * <p>The post step ({@code command} false) closes what its lease says: a branch this tool did not
   * create is kept, only its passwords go. The {@code close-branch} command deletes a branch this
   * tool created (its lease says so, or the name has one of the generated shapes); a branch whose
   * lease says this job reused it is closed like the post step does (passwords deleted, branch
   * kept); any other branch, with no lease, is refused before any request. {@link Option#FORCE}
   * deletes the branch in every case. Core refuses production and default branches in every case,
   * forced or not.
   *
   * @param lease the lease saved by open-branch, or null when there is none
   * @param command true for the {@code close-branch} command, false for the post step
   */
  public static CommandResult run(
      Options options, Session session, BranchLease lease, String branch, boolean command) {
    boolean keep = options.flag(Option.KEEP_BRANCH);
    BranchLease target =
        lease != null ? lease : new BranchLease(session.database(), branch, false, List.of());
    CloseOptions close = new CloseOptions(!keep, false);
    if (command && !keep) {
      boolean ours = target.created() || BranchNames.isToolBranch(target.branch());
      boolean force = options.flag(Option.FORCE);
      if (!ours && !force && lease == null) {
        throw notOurs(target);
      }
      if (ours || force) {
        target = target.withCreated(ours);
      }
      // A lease that says "reused" closes like the post step: its passwords go, core keeps the
      // branch and says so ("kept branch ...: this tool did not create it (force deletes it)").
      close = new CloseOptions(true, force);
    }
    CloseOutcome outcome = session.workflows().closeBranch(target, close);
    Map<Output, String> out = new EnumMap<>(Output.class);
    out.put(Output.BRANCH, target.branch());
    return new CommandResult(
        out, MarkdownReport.summary(ReportContext.of(session.database()), outcome), null);
  }

  private static WorkflowException notOurs(BranchLease target) {
    return new WorkflowException(
        ErrorCode.PROTECTED_BRANCH,
        "refusing to delete branch "
            + target.branch()
            + " of "
            + target.database()
            + ": this tool did not create it (the name is not one it generates, and no lease of"
            + " this job records opening it). Nothing was deleted. To delete it anyway, pass"
            + " `force: true` (action) or --force (CLI); production and default branches are never"
            + " deleted. To delete only the passwords this job issued, pass `keep-branch: true`"
            + " (--keep-branch) instead");
  }
}
