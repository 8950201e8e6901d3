package io.github.planetscaleci.demo;

import io.github.planetscaleci.core.error.PlanetScaleCiException;
import java.io.PrintStream;

/**
 * The README's first command: a whole pull-request lifecycle on the embedded emulator, printed step
 * by step, using shared-core's workflows exactly as the wrappers do.
 */
public final class MainJob {
  private MainJob() {}

  /** Runs the demo; exits non-zero with the error's stable code when a step fails. */
  public static void main(String[] args) {
    int exit = run(System.out);
    System.exit(exit);
  }

  /** Runs the demo and returns the exit code, printing to {@code out}. */
  public static int run(PrintStream out) {
    ConsoleLog log = new ConsoleLog(out);
    try (DemoEnvironment env = DemoEnvironment.start(log)) {
      new PullRequestLifecycle(env, log).run();
      log.done("The pull request's schema change reached main; nothing was left behind.");
      return 0;
    } catch (PlanetScaleCiException e) {
      log.failed(e.code().id() + ": " + e.getMessage());
      return e.code().exitCode();
    } catch (Exception e) {
      log.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }
}
