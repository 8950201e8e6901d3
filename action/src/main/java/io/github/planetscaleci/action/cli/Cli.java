package io.github.planetscaleci.action.cli;

import io.github.planetscaleci.action.Version;
import io.github.planetscaleci.action.command.CloseBranchCommand;
import io.github.planetscaleci.action.command.CommandResult;
import io.github.planetscaleci.action.command.DeployRequestCommand;
import io.github.planetscaleci.action.command.Leases;
import io.github.planetscaleci.action.command.OpenBranchCommand;
import io.github.planetscaleci.action.command.Option;
import io.github.planetscaleci.action.command.Options;
import io.github.planetscaleci.action.command.Session;
import io.github.planetscaleci.action.command.SweepCommand;
import io.github.planetscaleci.action.command.Verb;
import io.github.planetscaleci.action.runner.WorkflowCommands;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.event.SecretMasker;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.workflow.BranchLease;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The CLI for any CI: {@code <command> --flag value ...}; outputs go to stdout as dotenv lines or
 * JSON, everything else to stderr, so {@code > .env} captures only the outputs. Inside a GitHub
 * Actions {@code run:} step whose stdout reaches the log, {@code ::add-mask::} lines for the secret
 * outputs precede them on stdout.
 */
public final class Cli {
  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final WorkflowCommands actions;
  private final WorkflowCommands stdoutActions;
  private final SecretMasker secrets = new SecretMasker();

  public Cli(Map<String, String> env, PrintStream out, PrintStream err) {
    // Only the process's own stdout can be checked; any other stream is taken to reach the log.
    this(env, out, err, out != System.out || !StdoutTarget.isRegularFile());
  }

  /**
   * @param stdoutReachesLog false when stdout is redirected to a file ({@code > .env}): outputs
   *     then never reach the log, and mask commands there would only corrupt the file
   */
  Cli(Map<String, String> env, PrintStream out, PrintStream err, boolean stdoutReachesLog) {
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
    boolean inActions = "true".equals(env.get("GITHUB_ACTIONS"));
    this.actions = inActions ? new WorkflowCommands(err) : null;
    // The runner reads stdout and stderr independently: a mask on stderr may be processed after
    // the secret on stdout was logged, so secrets are masked on stdout too, before the outputs.
    this.stdoutActions = inActions && stdoutReachesLog ? new WorkflowCommands(out) : null;
  }

  /** Runs the command line; returns the exit code. */
  public int run(String... args) {
    CliArguments parsed;
    try {
      parsed = CliArguments.parse(args);
    } catch (ConfigurationException e) {
      err.println("error: " + e.getMessage());
      err.println("Run with --help for usage.");
      return e.code().exitCode();
    }
    if (parsed.version()) {
      out.println("planetscale-ci-action " + Version.get());
      return 0;
    }
    if (parsed.help()) {
      out.print(Usage.text(parsed.verb()));
      return 0;
    }
    Options options = new Options(Options.withFallbacks(parsed.values(), env), o -> "--" + o.id());
    // Mask first: in a GitHub Actions `run:` step the runner reads stderr for commands too.
    mask(options.get(Option.SERVICE_TOKEN));
    try {
      options.validateFor(parsed.verb());
    } catch (PlanetScaleCiException e) {
      err.println("error [" + e.code().id() + "]: " + e.getMessage());
      return e.code().exitCode();
    }
    try (Session session = Session.open(options, listener(), "cli")) {
      CommandResult result = execute(parsed.verb(), options, session);
      result.outputs().forEach((o, v) -> mask(o.secret() ? v : null));
      if (stdoutActions != null) {
        result.outputs().forEach((o, v) -> stdoutActions.mask(o.secret() ? v : null));
      }
      out.print(OutputFormat.render(parsed.format(), result.outputs()));
      out.flush();
      return 0;
    } catch (PlanetScaleCiException e) {
      log("error [" + e.code().id() + "]: " + e.getMessage());
      return e.code().exitCode();
    }
  }

  private CommandResult execute(Verb verb, Options options, Session session) {
    Path home = Path.of(env.getOrDefault("HOME", System.getProperty("java.io.tmpdir")));
    switch (verb) {
      case OPEN_BRANCH -> {
        options.require(Option.BRANCH);
        String branch = options.branchName(Option.BRANCH);
        CommandResult r = OpenBranchCommand.run(options, session, branch, null, this::mask);
        if (Leases.save(home, r.lease())) {
          err.println(
              "lease saved for close-branch: " + Leases.file(home, session.database(), branch));
        }
        return r;
      }
      case CLOSE_BRANCH -> {
        options.require(Option.BRANCH);
        String branch = options.branchName(Option.BRANCH);
        BranchLease lease = Leases.load(home, session.database(), branch);
        CommandResult r = CloseBranchCommand.run(options, session, lease, branch, true);
        if (lease != null) {
          Leases.delete(home, lease);
        }
        err.print(r.summary());
        return r;
      }
      case DEPLOY_REQUEST -> {
        options.require(Option.BRANCH);
        // No event outside Actions: `auto` previews; a main-branch pipeline passes --deploy always.
        DeployMode mode =
            options.deployPolicy() == Options.DeployPolicy.ALWAYS
                ? DeployMode.DEPLOY
                : DeployMode.PREVIEW;
        DeployRequestOutcome o =
            DeployRequestCommand.run(
                options,
                session,
                options.branchName(Option.BRANCH),
                mode,
                "Opened by planetscale-ci");
        return new CommandResult(DeployRequestCommand.outputs(o), null, null);
      }
      case SWEEP -> {
        CommandResult r = SweepCommand.run(options, session);
        err.print(r.summary());
        return r;
      }
      default -> throw new IllegalStateException(verb.id());
    }
  }

  private void mask(String secret) {
    secrets.add(secret);
    if (actions != null) {
      actions.mask(secret);
    }
  }

  private void log(String line) {
    err.println(secrets.mask(line));
  }

  private WorkflowListener listener() {
    return event -> {
      if (event instanceof WorkflowEvent.MaskSecret m) {
        mask(m.value());
      } else if (event instanceof WorkflowEvent.Progress p) {
        log("[" + p.step() + "] " + p.message());
      } else if (event instanceof WorkflowEvent.Info i) {
        log(i.message());
      } else if (event instanceof WorkflowEvent.Warning w) {
        log("warning: " + w.message());
      }
    };
  }
}
