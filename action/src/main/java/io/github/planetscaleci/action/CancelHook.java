package io.github.planetscaleci.action;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns the runner's cancel signal (SIGINT, then SIGTERM after about 7.5 s) into an interrupt of
 * the working thread, and holds the JVM's shutdown until that thread has cleaned up or the grace
 * period ends, so core deletes what it created before the process goes.
 */
final class CancelHook {
  private static final int ARMED = 0;
  private static final int FINISHED = 1;
  private static final int CANCELLED = 2;

  private final Thread worker;
  private final Duration grace;
  private final AtomicInteger state = new AtomicInteger(ARMED);

  CancelHook(Thread worker, Duration grace) {
    this.worker = worker;
    this.grace = grace;
  }

  /** Registers a hook for the calling thread; the grace stays below the runner's SIGTERM delay. */
  static CancelHook installForCurrentThread(Duration grace) {
    CancelHook hook = new CancelHook(Thread.currentThread(), grace);
    Runtime.getRuntime().addShutdownHook(new Thread(hook::onShutdown, "planetscale-ci-cancel"));
    return hook;
  }

  /**
   * Called by the worker when its work is over.
   *
   * @return true if the worker may exit the JVM itself; false if a shutdown is under way, when
   *     {@code System.exit} would block for ever, so the worker must just return
   */
  boolean finish() {
    return state.compareAndSet(ARMED, FINISHED);
  }

  /** The shutdown hook's body: interrupts the worker unless it finished, then waits for it. */
  void onShutdown() {
    if (!state.compareAndSet(ARMED, CANCELLED)) {
      return;
    }
    worker.interrupt();
    try {
      worker.join(Math.max(1, grace.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
