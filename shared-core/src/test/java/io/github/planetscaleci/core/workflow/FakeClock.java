package io.github.planetscaleci.core.workflow;

import java.time.Instant;

/** A clock that only moves when a workflow sleeps (or a test advances it). */
final class FakeClock implements WaitClock {
  static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  private long nanos;
  int sleeps;

  @Override
  public long nanoTime() {
    return nanos;
  }

  @Override
  public Instant now() {
    return START.plusNanos(nanos);
  }

  @Override
  public void sleep(long n) {
    sleeps++;
    nanos += Math.max(0, n);
  }

  void advance(long n) {
    nanos += n;
  }

  double seconds() {
    return nanos / 1e9;
  }
}
