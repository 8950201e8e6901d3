package io.github.planetscaleci.action.runner;

import io.github.planetscaleci.action.Version;
import io.github.planetscaleci.action.command.CloseBranchCommand;
import io.github.planetscaleci.action.command.CommandResult;
import io.github.planetscaleci.action.command.Leases;
import io.github.planetscaleci.action.command.OpenBranchCommand;
import io.github.planetscaleci.action.command.Option;
import io.github.planetscaleci.action.command.Options;
import io.github.planetscaleci.action.command.Output;
import io.github.planetscaleci.action.command.Session;
import io.github.planetscaleci.action.command.SweepCommand;
import io.github.planetscaleci.action.command.Verb;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.naming.BranchName;
import io.github.planetscaleci.core.naming.BranchNames;
import io.github.planetscaleci.core.workflow.BranchLease;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The action's entry point: translates the runner's contract (INPUT_ variables, file commands,
 * STATE_ variables, the event payload, HOME) into commands, and their failures into annotations and
 * exit codes. Takes its environment and streams as parameters so tests drive it as the runner does.
 */
public final class ActionRunner {
  static final String STATE_LEASE = "lease";

  private final Map<String, String> env;
  private final PrintStream err;
  private final WorkflowCommands log;

  public ActionRunner(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = Map.copyOf(env);
    this.err = err;
    this.log = new WorkflowCommands(out);
  }

  /** The main step ({@code entrypoint}); returns the exit code. */
  public int runMain() {
    return guard(
        () -> {
          Options options = options();
          GitHubEvent event = GitHubEvent.read(env);
          Verb verb = options.verb();
          log.log("planetscale-ci " + Version.get() + ": " + verb.id() + " on " + event.describe());
          refuseForks(event);
          options.validateFor(verb);
          requireConnection(options, event);
          return switch (verb) {
            case OPEN_BRANCH -> openBranch(options, event);
            case CLOSE_BRANCH -> closeBranch(options, event);
            case DEPLOY_REQUEST -> new DeployStep(options, event, log, listener(), env).run(this);
            case SWEEP -> sweep(options);
          };
        });
  }

  /** The post step ({@code post-entrypoint}, {@code post-if: always()}): closes the branch. */
  public int runPost() {
    return guard(
        () -> {
          String json = state(STATE_LEASE);
          if (json == null) {
            log.log("planetscale-ci: no branch was opened by this step; nothing to clean up.");
            return 0;
          }
          BranchLease lease = Leases.fromJson(json);
          Options options = options();
          log.log("planetscale-ci: closing branch " + lease.branch() + " of " + lease.database());
          if (lease.passwordIds().isEmpty()) {
            // Only the provisional lease: main was cancelled or failed mid-open. Deleting a branch
            // of ours also revokes its passwords; a branch that is already gone is fine.
            log.log("the open did not finish; the branch may not exist.");
          }
          try (Session session = Session.open(options, listener(), "github-action")) {
            CommandResult r =
                CloseBranchCommand.run(options, session, lease, lease.branch(), false);
            Leases.delete(home(), lease);
            finish(r);
          }
          return 0;
        });
  }

  private int openBranch(Options options, GitHubEvent event) {
    String branch = branch(options, event);
    DatabaseRef db = options.database();
    // A provisional lease first, so a cancel during the open still leaves the post step a name
    // to clean up; only a name derived from the run is surely ours (no one else can hold it),
    // as in the Jenkins plugin. Each branch or password core reports created is added and saved
    // at once (last key wins), so a kill after a create still leaves the post step its ids.
    LeaseRecorder leases =
        new LeaseRecorder(
            new BranchLease(db, branch, isDerived(branch, event), List.of()), this::saveLease);
    try (Session session = Session.open(options, leases.around(listener()), "github-action")) {
      CommandResult r =
          OpenBranchCommand.run(options, session, branch, event.describe(), log::mask);
      // State first: the runner flushes GITHUB_STATE even if a later write fails the step.
      if (!r.lease().equals(leases.current())) {
        saveLease(r.lease());
      }
      if (options.flag(Option.KEEP_BRANCH)) {
        log.log("keep-branch is set: the post step deletes only the passwords.");
      }
      finish(r);
    }
    return 0;
  }

  /** Saves a lease for the post step (runner state) and for a later close-branch (HOME). */
  private void saveLease(BranchLease lease) {
    try {
      FileCommands.appendKeyValue(stateFile(), STATE_LEASE, Leases.toJson(lease));
    } finally {
      Leases.save(home(), lease); // never throws: the HOME copy is written whatever state did
    }
  }

  private int closeBranch(Options options, GitHubEvent event) {
    String branch = branch(options, event);
    try (Session session = Session.open(options, listener(), "github-action")) {
      BranchLease lease = Leases.load(home(), session.database(), branch);
      // Without a lease file (another job, or HOME not shared) a generated name still counts as
      // this tool's; any other branch needs `force`.
      CommandResult r = CloseBranchCommand.run(options, session, lease, branch, true);
      if (lease != null) {
        Leases.delete(home(), lease);
      }
      finish(r);
    }
    return 0;
  }

  private int sweep(Options options) {
    try (Session session = Session.open(options, listener(), "github-action")) {
      finish(SweepCommand.run(options, session));
    }
    return 0;
  }

  /** Masks secret outputs, writes every output, and appends the summary. */
  void finish(CommandResult r) {
    r.outputs().forEach((o, v) -> log.mask(o.secret() ? v : null));
    Path outputFile = FileCommands.required("GITHUB_OUTPUT", env.get("GITHUB_OUTPUT"));
    for (Map.Entry<Output, String> e : r.outputs().entrySet()) {
      FileCommands.appendKeyValue(outputFile, e.getKey().id(), e.getValue());
    }
    if (!r.outputs().isEmpty()) {
      log.log(
          "outputs: " + String.join(", ", r.outputs().keySet().stream().map(Output::id).toList()));
    }
    String summaryFile = env.get("GITHUB_STEP_SUMMARY");
    if (r.summary() != null && summaryFile != null && !summaryFile.isEmpty()) {
      FileCommands.appendSummary(Path.of(summaryFile), r.summary());
    }
  }

  /** True if {@code branch} is the name this run derives from its event, so this tool's own. */
  static boolean isDerived(String branch, GitHubEvent event) {
    if (!BranchNames.isToolBranch(branch)) {
      return false;
    }
    try {
      return BranchNaming.derive(event).name().equals(branch);
    } catch (ConfigurationException e) {
      return false;
    }
  }

  String branch(Options options, GitHubEvent event) {
    String explicit = options.branchName(Option.BRANCH);
    if (explicit != null) {
      return explicit;
    }
    BranchName derived = BranchNaming.derive(event);
    log.log("branch name: " + derived.logLine());
    return derived.name();
  }

  private void refuseForks(GitHubEvent event) {
    if (event.isPullRequest() && event.fork()) {
      throw new ForkPullRequestException();
    }
  }

  private void requireConnection(Options options, GitHubEvent event) {
    try {
      options.require(
          Option.ORGANIZATION, Option.DATABASE, Option.SERVICE_TOKEN_ID, Option.SERVICE_TOKEN);
    } catch (ConfigurationException e) {
      String hint =
          event.isPullRequest() && options.get(Option.SERVICE_TOKEN) == null
              ? " Secrets are empty in runs of fork and Dependabot pull requests; guard the job"
                  + " with `if: github.event.pull_request.head.repo.full_name =="
                  + " github.repository`."
              : " Pass them under `with:` (secrets from `secrets.*`).";
      throw new ConfigurationException(e.getMessage() + hint);
    }
  }

  private Options options() {
    Map<Option, String> raw = new EnumMap<>(Option.class);
    for (Option o : Option.values()) {
      raw.put(o, env.get(o.inputVariable()));
    }
    return new Options(Options.withFallbacks(raw, env), o -> "input `" + o.id() + "`");
  }

  /** Masks secret inputs first of all; the runner masks `secrets.*`, but not a value from env. */
  private void maskInputs() {
    for (Option o : Option.values()) {
      if (o.secret()) {
        log.mask(env.get(o.inputVariable()));
        if (o.environmentFallback() != null) {
          log.mask(env.get(o.environmentFallback()));
        }
      }
    }
  }

  WorkflowListener listener() {
    return event -> {
      if (event instanceof WorkflowEvent.MaskSecret m) {
        log.mask(m.value());
      } else if (event instanceof WorkflowEvent.Progress p) {
        log.log("[" + p.step() + "] " + p.message());
      } else if (event instanceof WorkflowEvent.Info i) {
        log.log(i.message());
      } else if (event instanceof WorkflowEvent.Warning w) {
        log.warning(w.message());
      }
    };
  }

  private String state(String name) {
    String v = env.get("STATE_" + name);
    return v == null || v.isEmpty() ? null : v;
  }

  Path stateFile() {
    return FileCommands.required("GITHUB_STATE", env.get("GITHUB_STATE"));
  }

  Path home() {
    String h = env.get("HOME");
    return Path.of(h == null || h.isEmpty() ? System.getProperty("java.io.tmpdir") : h);
  }

  private int guard(java.util.function.IntSupplier body) {
    try {
      maskInputs();
      return body.getAsInt();
    } catch (ForkPullRequestException e) {
      log.error("Fork pull request", e.getMessage());
      return e.code().exitCode();
    } catch (PlanetScaleCiException e) {
      log.error("PlanetScale " + e.code().id().replace('_', ' '), e.getMessage());
      return e.code().exitCode();
    } catch (RuntimeException e) {
      log.error("planetscale-ci failed", e.getClass().getSimpleName() + ": " + e.getMessage());
      if ("1".equals(env.get("RUNNER_DEBUG"))) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /** A fork pull request: GitHub gives its runs no secrets, so nothing can be done. */
  static final class ForkPullRequestException extends RuntimeException {
    ForkPullRequestException() {
      super(
          "This pull request comes from a fork. GitHub passes no secrets to runs of fork (and"
              + " Dependabot) pull requests, so no PlanetScale branch can be opened. Skip such runs"
              + " with `if: github.event.pull_request.head.repo.full_name == github.repository`"
              + " on the job. Do not switch to pull_request_target with a checkout of the pull"
              + " request's head: that runs untrusted code with your secrets.",
          null,
          false,
          false);
    }

    io.github.planetscaleci.core.error.ErrorCode code() {
      return io.github.planetscaleci.core.error.ErrorCode.CONFIGURATION;
    }
  }
}
