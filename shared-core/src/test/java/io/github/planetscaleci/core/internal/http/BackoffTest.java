package io.github.planetscaleci.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.client.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Backoff delays and Retry-After parsing. */
class BackoffTest {
  private final RetryPolicy policy =
      new RetryPolicy(50, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofMinutes(5));

  @Test
  void fullJitterDoublesUpToTheCap() {
    assertThat(Backoff.jittered(policy, 1, 0.999))
        .isBetween(Duration.ofMillis(249), Duration.ofMillis(250));
    assertThat(Backoff.jittered(policy, 3, 0.5)).isEqualTo(Duration.ofMillis(500));
    assertThat(Backoff.jittered(policy, 6, 0.5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(Backoff.jittered(policy, 7, 0.5)).isEqualTo(Duration.ofSeconds(4)); // capped at 8 s
    assertThat(Backoff.jittered(policy, 49, 0.5)).isEqualTo(Duration.ofSeconds(4)); // no overflow
    assertThat(Backoff.jittered(policy, 2, 0.0)).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    Instant now = Instant.parse("2015-10-21T07:28:00Z");
    assertThat(Backoff.retryAfter("12", now)).contains(Duration.ofSeconds(12));
    assertThat(Backoff.retryAfter(" 0 ", now)).contains(Duration.ZERO);
    assertThat(Backoff.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now))
        .contains(Duration.ofSeconds(30));
    assertThat(Backoff.retryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).contains(Duration.ZERO);
    assertThat(Backoff.retryAfter(null, now)).isEmpty();
    assertThat(Backoff.retryAfter("soon", now)).isEmpty();
    assertThat(Backoff.retryAfter("-5", now)).isEmpty();
    assertThat(Backoff.retryAfter("99999999999999999999999", now)).isEmpty();
  }

  @Test
  void userAgentNamesProductVersionAndSuffix() {
    assertThat(UserAgent.version()).isNotBlank().doesNotContain("${");
    assertThat(UserAgent.of("")).isEqualTo("planetscale-ci/" + UserAgent.version());
    assertThat(UserAgent.of("jenkins/2.4\n"))
        .isEqualTo("planetscale-ci/" + UserAgent.version() + " jenkins/2.4");
  }
}
