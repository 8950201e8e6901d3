package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.WorkflowException;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Polls until a {@link Wait} is done, under a {@link WaitPolicy}: every wait of every workflow goes
 * through here.
 *
 * <p>Rate-limit, server and transport errors during a wait are not failures: the wait goes on (a
 * rate limit stretches the interval) until its deadline. Any other API error ends the wait at once.
 */
final class Poller {
  /** Progress is reported on each change of state, and otherwise this often. */
  private static final long HEARTBEAT_NANOS = 30_000_000_000L;

  private final WaitClock clock;
  private final Random random;
  private final Events events;

  Poller(WaitClock clock, Random random, Events events) {
    this.clock = clock;
    this.random = random;
    this.events = events;
  }

  /** The clock's monotonic time, so that several waits can share one deadline. */
  long nanoTime() {
    return clock.nanoTime();
  }

  /** Polls until {@code wait.done()} accepts a value, and returns that value. */
  <T> T await(WaitPolicy policy, Wait<T> wait) {
    return await(policy, wait, clock.nanoTime());
  }

  /**
   * As {@link #await(WaitPolicy, Wait)}, with the deadline counted from {@code start} (a {@link
   * #nanoTime()} reading), so that consecutive waits of one step share one timeout.
   */
  <T> T await(WaitPolicy policy, Wait<T> wait, long start) {
    long deadline = policy.timeout().toNanos();
    PollSchedule schedule = new PollSchedule(policy, random);
    String lastState = null;
    String lastError = null;
    long lastReport = 0;
    events.progress(wait.step(), "waiting for " + wait.what());
    while (true) {
      long elapsed = clock.nanoTime() - start;
      long next = Math.min(schedule.nextPollAt(elapsed), deadline);
      sleep(next - elapsed, wait);
      try {
        T value = wait.read().get();
        schedule.recordPoll(false);
        lastError = null;
        if (wait.done().test(value)) {
          return value;
        }
        String state = wait.state().apply(value);
        long now = clock.nanoTime() - start;
        if (!Objects.equals(state, lastState) || now - lastReport >= HEARTBEAT_NANOS) {
          events.progress(wait.step(), state + " (" + human(Duration.ofNanos(now)) + ")");
          lastReport = now;
        }
        lastState = state;
      } catch (ApiException e) {
        if (!isTransient(e)) {
          throw e;
        }
        schedule.recordPoll(e.code() == ErrorCode.RATE_LIMITED, e.retryAfter().orElse(null));
        lastError = e.getMessage();
        events.progress(wait.step(), "still waiting after a passing API error: " + lastError);
      }
      if (clock.nanoTime() - start >= deadline) {
        throw timeout(policy, wait, lastState, lastError, schedule.polls());
      }
    }
  }

  static boolean isTransient(ApiException e) {
    return switch (e.code()) {
      case RATE_LIMITED, SERVER_ERROR, TRANSPORT_ERROR, TIMEOUT -> true;
      default -> false;
    };
  }

  private void sleep(long nanos, Wait<?> wait) {
    try {
      clock.sleep(Math.max(0, nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowException(
          ErrorCode.TIMEOUT, "interrupted while waiting for " + wait.what(), e);
    }
  }

  private static WorkflowException timeout(
      WaitPolicy policy, Wait<?> wait, String lastState, String lastError, int polls) {
    StringBuilder m = new StringBuilder("timed out after ");
    m.append(human(policy.timeout())).append(" waiting for ").append(wait.what());
    m.append("; last state seen: ").append(lastState == null ? "none" : lastState);
    m.append(" (").append(polls).append(polls == 1 ? " poll" : " polls").append(')');
    if (lastError != null) {
      m.append("; last error: ").append(lastError);
    }
    m.append("; ").append(wait.remedy());
    return new WorkflowException(ErrorCode.TIMEOUT, m.toString());
  }

  /** A duration for people: {@code 1m30s}, {@code 2.5s}, {@code 250ms}. */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return (ms % 1000 == 0
              ? Long.toString(ms / 1000)
              : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0))
          + "s";
    }
    long s = d.toSeconds();
    String out = s / 3600 > 0 ? s / 3600 + "h" : "";
    out += (s % 3600) / 60 > 0 ? (s % 3600) / 60 + "m" : "";
    return out + (s % 60 > 0 ? s % 60 + "s" : "");
  }
}
