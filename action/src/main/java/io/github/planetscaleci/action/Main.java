package io.github.planetscaleci.action;

import io.github.planetscaleci.action.cli.Cli;
import io.github.planetscaleci.action.runner.ActionRunner;
import java.io.PrintStream;
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

  public static void main(String[] args) {
    int code = run(args, System.getenv(), System.out, System.err);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** Dispatches and returns the exit code; never exits the process. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 1 && args[0].equals("github-action")) {
      return new ActionRunner(env, out, err).runMain();
    }
    if (args.length == 1 && args[0].equals("github-action-post")) {
      return new ActionRunner(env, out, err).runPost();
    }
    if (args.length == 0
        && "true".equals(env.get("GITHUB_ACTIONS"))
        && env.containsKey("INPUT_COMMAND")) {
      return new ActionRunner(env, out, err).runMain();
    }
    return new Cli(env, out, err).run(args);
  }
}
