package io.github.planetscaleci.core.workflow;

import java.time.Instant;

/** Time as workflows see it; tests substitute a fake so that no test really waits. */
interface WaitClock {
  /** Monotonic nanoseconds, for intervals and deadlines. */
  long nanoTime();

  /** Wall-clock time, for comparing with the API's timestamps (sweep ages). */
  Instant now();

  /** Sleeps for the given nanoseconds. */
  void sleep(long nanos) throws InterruptedException;

  /** The real clock. */
  WaitClock SYSTEM =
      new WaitClock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
          if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        }
      };
}
