package io.github.planetscaleci.core.internal.http;

import static io.github.planetscaleci.core.internal.http.MockApi.DB;
import static io.github.planetscaleci.core.internal.http.MockApi.fixture;
import static io.github.planetscaleci.core.internal.http.MockApi.json;
import static io.github.planetscaleci.core.internal.http.MockApi.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.RetryPolicy;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which failures are retried, how long the client waits, and when it gives up. */
class RetryTest {
  private MockApi api = new MockApi();

  @AfterEach
  void close() {
    api.close();
  }

  private void use(RetryPolicy policy) {
    api.close();
    api = new MockApi(new Credentials.ServiceToken(MockApi.TOKEN_ID, MockApi.TOKEN), policy);
  }

  static MockResponse status(int code) {
    return json(code, "{\"code\":\"c" + code + "\",\"message\":\"status " + code + "\"}");
  }

  static MockResponse dropped() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  @Test
  void rateLimitHonoursRetryAfterSeconds() {
    api.enqueue(
        new MockResponse.Builder().code(429).setHeader("Retry-After", "3").build(),
        ok(fixture("branch-go.json")));
    assertThat(api.client.branches().get(DB, "dev").name())
        .isEqualTo("planetscale-go-test-db-branch");
    assertThat(api.server.getRequestCount()).isEqualTo(2);
    assertThat(api.timing.sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void rateLimitHonoursRetryAfterHttpDate() {
    String at =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            FakeTiming.EPOCH.plusSeconds(7).atOffset(ZoneOffset.UTC));
    api.enqueue(
        new MockResponse.Builder().code(429).setHeader("Retry-After", at).build(),
        ok(fixture("branch-go.json")));
    api.client.branches().get(DB, "dev");
    assertThat(api.timing.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void rateLimitWithoutRetryAfterBacksOffExponentiallyWithJitter() {
    api.timing.random(0.5);
    api.enqueue(status(429), status(429), status(429), ok(fixture("branch-go.json")));
    api.client.branches().get(DB, "dev");
    // Full jitter: half (random = 0.5) of 250 ms, 500 ms, 1 s.
    assertThat(api.timing.sleeps)
        .containsExactly(Duration.ofMillis(125), Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void serviceUnavailableThenSuccess() {
    api.enqueue(status(503), ok(fixture("database-go.json")));
    assertThat(api.client.databases().get(DB).name()).isEqualTo("planetscale-go-test-db");
    assertThat(api.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void droppedConnectionOnAReadIsRetried() {
    api.enqueue(dropped(), ok(fixture("database-go.json")));
    assertThat(api.client.databases().get(DB).name()).isEqualTo("planetscale-go-test-db");
    assertThat(api.server.getRequestCount()).isEqualTo(2);
    assertThat(api.timing.sleeps).hasSize(1);
  }

  @Test
  void otherErrorsAreNotRetried() {
    for (int code : List.of(400, 401, 404, 409, 422, 500)) {
      int before = api.server.getRequestCount();
      api.enqueue(status(code));
      catchThrowableOfType(ApiException.class, () -> api.client.databases().get(DB));
      assertThat(api.server.getRequestCount() - before).as("requests for %d", code).isEqualTo(1);
    }
    assertThat(api.timing.sleeps).isEmpty();
  }

  @Test
  void maxAttemptsBoundTheTries() {
    use(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(5)));
    api.enqueue(status(502), status(503), status(504), ok("{}"));
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.client.databases().get(DB));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR);
    assertThat(e.httpStatus()).isEqualTo(504);
    assertThat(e.getMessage()).contains("after 3 attempts");
    assertThat(api.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void deadlineExhaustionWhileRateLimited() {
    use(new RetryPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10)));
    api.timing.random(0.99);
    for (int i = 0; i < 20; i++) {
      api.enqueue(status(429));
    }
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.client.databases().get(DB));
    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    int attempts = api.server.getRequestCount();
    assertThat(attempts).isBetween(3, 10);
    assertThat(e.getMessage())
        .contains("after " + attempts + " attempts")
        .contains("retry deadline of 10 s");
    Duration slept = api.timing.sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(slept).isLessThanOrEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void deadlineExhaustionWithServerErrors() {
    use(new RetryPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(6)));
    api.timing.random(0.99);
    for (int i = 0; i < 20; i++) {
      api.enqueue(status(503));
    }
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.client.databases().get(DB));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR);
    assertThat(e.getMessage()).contains("after " + api.server.getRequestCount() + " attempts");
  }

  @Test
  void retryAfterBeyondTheDeadlineGivesUpAtOnce() {
    use(new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60)));
    api.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").build());
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.client.databases().get(DB));
    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.getMessage()).contains("wait 120 s (Retry-After)").contains("deadline of 60 s");
    assertThat(api.server.getRequestCount()).isEqualTo(1);
    assertThat(api.timing.sleeps).isEmpty();
  }

  @Test
  void theRetryAfterOfTheLastAnswerReachesTheCaller() {
    use(RetryPolicy.none());
    api.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "42")
            .setHeader("Content-Type", "application/json")
            .body("{\"code\":\"rate_limited\",\"message\":\"Too many requests\"}")
            .build());
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.client.databases().get(DB));
    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
    assertThat(e.getMessage()).contains("The API asked to wait 42 s before trying again");

    api.enqueue(status(429));
    ApiException without =
        catchThrowableOfType(ApiException.class, () -> api.client.databases().get(DB));
    assertThat(without.retryAfter()).isEmpty();
    assertThat(without.getMessage()).doesNotContain("asked to wait");
  }

  @Test
  void noRetriesPolicyTriesOnce() {
    use(RetryPolicy.none());
    api.enqueue(status(503));
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.client.databases().get(DB));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR);
    assertThat(e.getMessage()).doesNotContain("attempts");
    assertThat(api.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptedCallIsNotRetried() {
    api.enqueue(
        new MockResponse.Builder().headersDelay(5, java.util.concurrent.TimeUnit.SECONDS).build(),
        ok(fixture("database-go.json")));
    Thread.currentThread().interrupt();
    try {
      ApiException e =
          catchThrowableOfType(ApiException.class, () -> api.client.databases().get(DB));
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("nterrupted");
      assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag kept").isTrue();
      assertThat(api.timing.sleeps).isEmpty();
    } finally {
      Thread.interrupted();
    }
    assertThat(api.server.getRequestCount()).isLessThanOrEqualTo(1);
  }

  @Test
  void pagingThatDoesNotAdvanceFails() {
    api.enqueue(
        ok("{\"next_page\":2,\"data\":[{\"name\":\"a\"}]}"),
        ok("{\"next_page\":2,\"data\":[{\"name\":\"a\"}]}"));
    ApiException e = catchThrowableOfType(ApiException.class, () -> api.client.branches().list(DB));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR);
    assertThat(e.getMessage()).contains("paging is inconsistent").contains("page 2 named page 2");
    assertThat(api.server.getRequestCount()).isEqualTo(2);
  }
}
