package io.github.planetscaleci.emulator.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds or a deadline passes; the deadline is a limit, not an assertion of
 * speed.
 */
public final class Await {
  private Await() {}

  public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration deadline, String what) {
    Instant end = Instant.now().plus(deadline);
    T last = probe.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError(
            "Timed out after " + deadline + " waiting for " + what + "; last value: " + last);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      last = probe.get();
    }
    return last;
  }
}
