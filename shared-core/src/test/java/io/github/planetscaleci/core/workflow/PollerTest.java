package io.github.planetscaleci.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PollerTest {
  private final FakeClock clock = new FakeClock();
  private final List<String> events = new ArrayList<>();
  private final Poller poller =
      new Poller(clock, new Random(7), new Events(e -> events.add(Fixture.text(e))));
  private final List<Double> pollTimes = new ArrayList<>();

  /** A resource that becomes ready {@code readyAt} seconds into the wait. */
  private Wait<Boolean> readyAt(double readyAt, Supplier<RuntimeException> fault) {
    return new Wait<>(
        "wait",
        "the thing to be ready",
        () -> {
          pollTimes.add(clock.seconds());
          RuntimeException e = fault.get();
          if (e != null) {
            throw e;
          }
          return clock.seconds() >= readyAt;
        },
        ready -> ready,
        ready -> "not ready",
        "raise the wait timeout");
  }

  @Test
  void theFirstPollGoesAfterTheInitialIntervalThenTheKthNeverBeforeKOverTheRate() {
    WaitPolicy p = WaitPolicy.defaults();
    poller.await(p, readyAt(300, () -> null));
    // The initial interval with its ±10% jitter.
    assertThat(pollTimes.get(0)).isBetween(0.225 - 1e-9, 0.275 + 1e-9);
    assertThat(pollTimes.get(1)).isGreaterThanOrEqualTo(2 / p.maxRequestsPerSecond() - 1e-9);
    for (int k = 1; k < pollTimes.size(); k++) {
      assertThat(pollTimes.get(k))
          .isGreaterThanOrEqualTo((k + 1) / p.maxRequestsPerSecond() - 1e-9);
    }
    List<Double> gaps = new ArrayList<>();
    for (int k = 1; k < pollTimes.size(); k++) {
      gaps.add(pollTimes.get(k) - pollTimes.get(k - 1));
    }
    assertThat(gaps).allMatch(g -> g <= p.maxInterval().toMillis() / 1000.0 + 1e-9);
    assertThat(gaps.get(gaps.size() - 1)).isGreaterThan(4.0);
  }

  @Test
  void simulatedDetectionLagMeetsTheTargetAtBoundedRate() {
    // Deterministic simulation of the schedule: random ready times around T, no real waiting.
    Random phase = new Random(1);
    for (double t : new double[] {2, 10, 60}) {
      double lag = 0;
      double rate = 0;
      int trials = 400;
      for (int i = 0; i < trials; i++) {
        FakeClock c = new FakeClock();
        Poller p = new Poller(c, new Random(i), new Events(e -> {}));
        double readyAt = t + phase.nextDouble() * Math.max(1, 0.2 * t) - Math.max(1, 0.2 * t) / 2;
        int[] polls = {0};
        p.await(
            WaitPolicy.defaults(),
            new Wait<>(
                "w",
                "x",
                () -> {
                  polls[0]++;
                  return c.seconds() >= readyAt;
                },
                b -> b,
                b -> "",
                ""));
        lag += c.seconds() - readyAt;
        rate += polls[0] / c.seconds();
      }
      assertThat(lag / trials)
          .as("mean lag at T=%s", t)
          .isLessThanOrEqualTo(Math.max(0.5, 0.05 * t) + 0.02);
      assertThat(rate / trials).as("mean rate at T=%s", t).isLessThanOrEqualTo(1.0);
    }
  }

  @Test
  void transientErrorsAreRiddenUntilReady() {
    int[] n = {0};
    Boolean done =
        poller.await(
            WaitPolicy.defaults(),
            readyAt(
                5,
                () ->
                    switch (n[0]++) {
                      case 0 ->
                          new ApiException(ErrorCode.RATE_LIMITED, 429, null, "rate limited", null);
                      case 1 ->
                          new ApiException(ErrorCode.SERVER_ERROR, 503, null, "unavailable", null);
                      case 2 ->
                          new ApiException(
                              ErrorCode.TRANSPORT_ERROR, 0, null, "connection reset", null);
                      default -> null;
                    }));
    assertThat(done).isTrue();
    assertThat(events).anyMatch(e -> e.contains("passing API error: unavailable"));
    // After the 429 the next poll waited at least the maximum interval.
    assertThat(pollTimes.get(1) - pollTimes.get(0)).isGreaterThanOrEqualTo(5.0 * 0.9);
  }

  @Test
  void repeatedRateLimitsBackOffFurther() {
    poller.await(
        WaitPolicy.defaults(),
        readyAt(
            0,
            () ->
                pollTimes.size() <= 4
                    ? new ApiException(ErrorCode.RATE_LIMITED, 429, null, "slow down", null)
                    : null));
    assertThat(pollTimes.get(3) - pollTimes.get(2))
        .isGreaterThan(pollTimes.get(2) - pollTimes.get(1));
  }

  @Test
  void aRateLimitWithRetryAfterIsNotPolledAgainBeforeIt() {
    poller.await(
        WaitPolicy.defaults(),
        readyAt(
            0,
            () ->
                pollTimes.size() == 1
                    ? new ApiException(
                        ErrorCode.RATE_LIMITED, 429, null, Duration.ofSeconds(20), "slow", null)
                    : null));
    assertThat(pollTimes).hasSize(2);
    // Without the header the next poll would come after the 5 s cap (±10%).
    assertThat(pollTimes.get(1) - pollTimes.get(0)).isGreaterThanOrEqualTo(20.0);
  }

  @Test
  void otherErrorsEndTheWaitAtOnce() {
    assertThatThrownBy(
            () ->
                poller.await(
                    WaitPolicy.defaults(),
                    readyAt(
                        100,
                        () ->
                            new ApiException(ErrorCode.NOT_FOUND, 404, "not_found", "gone", null))))
        .isInstanceOf(ApiException.class);
    assertThat(pollTimes).hasSize(1);
  }

  @Test
  void timeoutSaysWhatForHowLongTheLastStateAndWhatToDo() {
    WaitPolicy p = WaitPolicy.withTimeout(Duration.ofSeconds(20));
    assertThatThrownBy(() -> poller.await(p, readyAt(1e9, () -> null)))
        .isInstanceOf(PlanetScaleCiException.class)
        .hasMessage(
            "timed out after 20s waiting for the thing to be ready; last state seen: not"
                + " ready ("
                + pollTimes.size()
                + " polls); raise the wait timeout")
        .satisfies(
            e -> assertThat(((PlanetScaleCiException) e).code()).isEqualTo(ErrorCode.TIMEOUT));
    assertThat(pollTimes.get(pollTimes.size() - 1)).isEqualTo(20.0);
  }

  @Test
  void timeoutAfterOnlyErrorsNamesTheLastError() {
    WaitPolicy p = WaitPolicy.withTimeout(Duration.ofSeconds(3));
    assertThatThrownBy(
            () ->
                poller.await(
                    p,
                    readyAt(
                        1e9,
                        () ->
                            new ApiException(
                                ErrorCode.SERVER_ERROR, 503, null, "HTTP 503 from the API", null))))
        .hasMessageContaining("last state seen: none")
        .hasMessageContaining("last error: HTTP 503 from the API");
  }

  @Test
  void interruptionEndsTheWaitAndKeepsTheFlag() {
    WaitClock interrupting =
        new WaitClock() {
          public long nanoTime() {
            return 0;
          }

          public java.time.Instant now() {
            return FakeClock.START;
          }

          public void sleep(long n) throws InterruptedException {
            throw new InterruptedException();
          }
        };
    Poller p = new Poller(interrupting, new Random(), new Events(e -> {}));
    try {
      assertThatThrownBy(() -> p.await(WaitPolicy.defaults(), readyAt(1, () -> null)))
          .hasMessageContaining("interrupted while waiting for the thing to be ready");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void humanDurations() {
    assertThat(Poller.human(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Poller.human(Duration.ofMillis(2500))).isEqualTo("2.5s");
    assertThat(Poller.human(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Poller.human(Duration.ofHours(2))).isEqualTo("2h");
  }
}
