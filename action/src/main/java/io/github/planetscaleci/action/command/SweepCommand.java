package io.github.planetscaleci.action.command;

import io.github.planetscaleci.core.report.MarkdownReport;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.workflow.SweepOptions;
import io.github.planetscaleci.core.workflow.SweepResult;
import java.util.EnumMap;

/** The {@code sweep} command: deletes this tool's stale branches. */
public final class SweepCommand {
  private SweepCommand() {}

  /** Sweeps (or lists, in a dry run) stale branches. */
  public static CommandResult run(Options options, Session session) {
    SweepResult r =
        session
            .workflows()
            .sweep(
                new SweepOptions(
                    session.database(),
                    options.duration(Option.OLDER_THAN),
                    options.flag(Option.DRY_RUN)));
    return new CommandResult(
        new EnumMap<>(Output.class),
        MarkdownReport.summary(ReportContext.of(session.database()), r),
        null);
  }
}
