package io.github.planetscaleci.core.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when the code under test sleeps; records every sleep. */
final class FakeTiming implements Timing {
  static final Instant EPOCH = Instant.parse("2024-05-01T12:00:00Z");

  private long nanos;
  private double random = 0.5;
  final List<Duration> sleeps = new ArrayList<>();

  FakeTiming random(double value) {
    this.random = value;
    return this;
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized Instant now() {
    return EPOCH.plusNanos(nanos);
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos += duration.toNanos();
  }

  @Override
  public double random() {
    return random;
  }
}
