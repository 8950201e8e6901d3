package io.github.planetscaleci.core.workflow;

/**
 * Runs cleanup calls with the thread's interrupt flag cleared and restores it afterwards: an
 * aborted build (an interrupt) is often why a workflow is cleaning up, and an interrupted thread
 * would make the cleanup's own HTTP calls fail at once.
 */
final class Uninterrupted {
  private Uninterrupted() {}

  static void run(Runnable cleanup) {
    boolean interrupted = Thread.interrupted();
    try {
      cleanup.run();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
