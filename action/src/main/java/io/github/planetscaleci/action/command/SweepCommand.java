package io.github.planetscaleci.action.command;

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
    StringBuilder md =
        new StringBuilder("### PlanetScale sweep of `")
            .append(session.database())
            .append("`")
            .append(r.dryRun() ? " (dry run)" : "")
            .append("\n\n");
    md.append(r.dryRun() ? "Would delete" : "Deleted").append(": ").append(r.deleted().size());
    md.append(", kept: ").append(r.kept().size()).append("\n\n");
    r.deleted().forEach(b -> md.append("- `").append(b).append("`\n"));
    r.kept().forEach(k -> md.append("- kept ").append(k).append("\n"));
    return new CommandResult(new EnumMap<>(Output.class), md.toString(), null);
  }
}
