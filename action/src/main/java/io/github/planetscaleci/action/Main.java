package io.github.planetscaleci.action;

import io.github.planetscaleci.action.cli.Cli;
import io.github.planetscaleci.action.runner.ActionRunner;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The jar's entry point: the GitHub Action's main and post steps, or the CLI.
 *
 * <p>{@code github-action} and {@code github-action-post} are what action.yml's {@code entrypoint}
 * and {@code post-entrypoint} scripts pass; the runner adds no arguments since action.yml declares
 * no {@code args}. With no arguments inside a workflow run ({@code GITHUB_ACTIONS=true} and the
 * runner's {@code INPUT_COMMAND}) the main step runs too, so {@code docker run} of the bare image
 * in a job behaves as the action. Anything else is the CLI, also inside a {@code run:} step.
 */
public final class Main {
  private Main() {}

  /** Below the runner's 7.5 s between SIGINT and SIGTERM (reference §1.8). */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(6);

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    // Only the main step opens things a cancel would strand; the post step must finish its close.
    CancelHook hook =
        isActionMain(args, env) ? CancelHook.installForCurrentThread(CANCEL_GRACE) : null;
    int code = run(args, env, System.out, System.err);
    System.out.flush();
    System.err.flush();
    if (hook == null || hook.finish()) {
      System.exit(code);
    }
    // Cancelled: the JVM is already shutting down and waits for this thread to end.
  }

  static boolean isActionMain(String[] args, Map<String, String> env) {
    return (args.length == 1 && args[0].equals("github-action"))
        || (args.length == 0
            && "true".equals(env.get("GITHUB_ACTIONS"))
            && env.containsKey("INPUT_COMMAND"));
  }

  /** Dispatches and returns the exit code; never exits the process. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (isActionMain(args, env)) {
      return new ActionRunner(env, out, err).runMain();
    }
    if (args.length == 1 && args[0].equals("github-action-post")) {
      return new ActionRunner(env, out, err).runPost();
    }
    return new Cli(env, out, err).run(args);
  }
}
