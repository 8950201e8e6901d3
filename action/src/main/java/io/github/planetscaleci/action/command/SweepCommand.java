package io.github.planetscaleci.action.command;

import io.github.planetscaleci.core.report.MarkdownReport;
import io.github.planetscaleci.core.report.ReportContext;
import io.github.planetscaleci.core.workflow.SweepOptions;
import io.github.planetscaleci.core.workflow.SweepResult;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code sweep} command: deletes this tool's stale branches (and, if asked, their stale
 * requests).
 */
public final class SweepCommand {
  private SweepCommand() {}

  /** Sweeps (or lists, in a dry run) stale branches, closing stale requests when asked. */
  public static CommandResult run(Options options, Session session) {
    SweepResult r =
        session
            .workflows()
            .sweep(
                new SweepOptions(
                    session.database(),
                    options.duration(Option.OLDER_THAN),
                    options.flag(Option.DRY_RUN),
                    options.flag(Option.CLOSE_STALE_REQUESTS)));
    Map<Output, String> out = new EnumMap<>(Output.class);
    out.put(Output.CLOSED_REQUESTS, String.join("\n", r.closedRequests()));
    return new CommandResult(
        out, MarkdownReport.summary(ReportContext.of(session.database()), r), null);
  }
}
