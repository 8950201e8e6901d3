package io.github.planetscaleci.core.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Clock, sleep and randomness of the retry loop, injectable so tests run fast and repeatably. */
public interface Timing {
  /** Monotonic time for deadlines. */
  long nanoTime();

  /** Wall-clock time, to read a {@code Retry-After} HTTP date. */
  Instant now();

  /** Sleeps; interruption propagates. */
  void sleep(Duration duration) throws InterruptedException;

  /** A uniformly distributed value in [0, 1) for jitter. */
  double random();

  /** The real clock. */
  Timing SYSTEM =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
          }
        }

        @Override
        public double random() {
          return ThreadLocalRandom.current().nextDouble();
        }
      };
}
