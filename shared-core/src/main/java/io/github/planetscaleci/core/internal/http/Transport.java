package io.github.planetscaleci.core.internal.http;

import io.github.planetscaleci.core.client.RetryPolicy;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends {@link ApiCall}s with retries: 429, 502, 503, 504 and connection failures are repeated with
 * backoff inside the policy's attempts and deadline; everything else fails at once.
 */
final class Transport {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final byte[] EMPTY = new byte[0];

  private final OkHttpClient http;
  private final RetryPolicy policy;
  private final Timing timing;
  private final Failures failures;
  private final String userAgent;

  Transport(OkHttpClient http, RetryPolicy policy, Timing timing, Redactor redactor, String ua) {
    this.http = http;
    this.policy = policy;
    this.timing = timing;
    this.failures = new Failures(redactor);
    this.userAgent = ua;
  }

  /** A status and body of a successful (2xx) response. */
  record Reply(int status, byte[] body) {}

  /** Runs a call that needs no recovery and returns its successful reply. */
  Reply execute(ApiCall call) {
    return execute(call, reply -> reply, null);
  }

  /**
   * Runs the call and reads its successful reply; {@code recovery} is asked after an ambiguous
   * failure, before the next try, and a value it finds ends the call.
   */
  <T> T execute(ApiCall call, Function<Reply, T> reader, Supplier<Optional<T>> recovery) {
    long start = timing.nanoTime();
    long deadline = start + policy.totalDeadline().toNanos();
    Attempt ambiguousBefore = null;
    for (int attempt = 1; ; attempt++) {
      Attempt a = once(call);
      if (a.status >= 200 && a.status < 300) {
        return reader.apply(new Reply(a.status, a.body));
      }
      if (a.status == 404 && call.kind() == ApiCall.Kind.DELETE && ambiguousBefore != null) {
        return reader.apply(
            new Reply(204, EMPTY)); // the earlier attempt deleted it, only its answer was lost
      }
      Duration elapsed = Duration.ofNanos(timing.nanoTime() - start);
      if (call.kind() == ApiCall.Kind.CREATE && ambiguousBefore != null && a.error == null) {
        ApiException refused = fail(call, a, attempt, elapsed, null);
        if (refused.code() == ErrorCode.CONFLICT) {
          return createdBefore(call, ambiguousBefore, attempt, elapsed, recovery);
        }
      }
      if (!a.retryable()) {
        throw fail(call, a, attempt, elapsed, null);
      }
      if (attempt >= policy.maxAttempts()) {
        throw fail(call, a, attempt, elapsed, null);
      }
      long remaining = deadline - timing.nanoTime();
      Optional<Duration> retryAfter = a.retryAfter(timing);
      Duration delay =
          retryAfter.isPresent()
              ? retryAfter.get()
              : Backoff.jittered(policy, attempt, timing.random());
      if (remaining <= 0) {
        throw fail(
            call,
            a,
            attempt,
            elapsed,
            "The retry deadline of " + secs(policy.totalDeadline()) + " passed");
      }
      if (retryAfter.isPresent() && delay.toNanos() > remaining) {
        // Retrying before the server's Retry-After would only be refused again.
        throw fail(
            call,
            a,
            attempt,
            elapsed,
            "The API asked to wait "
                + secs(delay)
                + " (Retry-After), beyond the retry deadline of "
                + secs(policy.totalDeadline()));
      }
      sleep(call, Duration.ofNanos(Math.min(delay.toNanos(), remaining)));
      if (a.ambiguous() && call.kind() != ApiCall.Kind.READ && recovery != null) {
        Optional<T> recovered = recovery.get();
        if (recovered.isPresent()) {
          return recovered.get();
        }
      }
      if (a.ambiguous()) {
        ambiguousBefore = a;
      }
    }
  }

  /**
   * A create refused as a conflict after an ambiguous attempt: that attempt most likely made the
   * resource. Found, it is the answer; not (yet) visible, the outcome is unknown, so the ambiguous
   * failure is reported rather than a conflict a caller would read as someone else's resource.
   */
  private <T> T createdBefore(
      ApiCall call,
      Attempt ambiguous,
      int attempt,
      Duration elapsed,
      Supplier<Optional<T>> recovery) {
    if (recovery != null) {
      Optional<T> recovered = recovery.get();
      if (recovered.isPresent()) {
        return recovered.get();
      }
    }
    throw fail(
        call,
        ambiguous,
        attempt,
        elapsed,
        "A later attempt was refused as a conflict (already exists), so this failed attempt may"
            + " have created it");
  }

  private ApiException fail(ApiCall call, Attempt a, int attempts, Duration elapsed, String note) {
    return a.error != null
        ? failures.transport(call, a.error, attempts, elapsed, note)
        : failures.http(
            call, a.status, a.body, a.retryAfter(timing).orElse(null), attempts, elapsed, note);
  }

  ApiException malformed(ApiCall call, int status, String expected) {
    return failures.malformed(call, status, expected);
  }

  ApiException other(ApiCall call, ErrorCode code, String detail) {
    return failures.other(call, code, detail);
  }

  private void sleep(ApiCall call, Duration delay) {
    try {
      timing.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failures.other(call, ErrorCode.TRANSPORT_ERROR, "interrupted while waiting to retry.");
    }
  }

  private Attempt once(ApiCall call) {
    Request.Builder request =
        new Request.Builder()
            .url(call.url())
            .header("Accept", "application/json")
            .header("User-Agent", userAgent);
    if (!call.method().equals("GET")) {
      request.header("Content-Type", "application/json");
    }
    RequestBody body = null;
    if (call.body() != null) {
      body = RequestBody.create(call.body(), JSON);
    } else if (call.method().equals("POST") || call.method().equals("PATCH")) {
      body = RequestBody.create(EMPTY, JSON);
    }
    request.method(call.method(), body);
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody rb = response.body();
      byte[] bytes = rb == null ? EMPTY : rb.bytes();
      return new Attempt(response.code(), bytes, response.header("Retry-After"), null, false);
    } catch (IOException e) {
      // An interrupt (a cancelled build) can surface as an IOException from OkHttp: never retry it.
      boolean interrupted =
          Thread.currentThread().isInterrupted()
              || (e instanceof InterruptedIOException && "interrupted".equals(e.getMessage()));
      return new Attempt(0, null, null, e, interrupted);
    } catch (Exception e) {
      // OkHttp (Kotlin) can also throw InterruptedException undeclared.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw failures.other(call, ErrorCode.TRANSPORT_ERROR, "interrupted.");
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw failures.other(call, ErrorCode.TRANSPORT_ERROR, e.getClass().getSimpleName() + ".");
    }
  }

  private static String secs(Duration d) {
    return d.toMillis() % 1000 == 0
        ? d.toSeconds() + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** The result of one try: a response, or the exception that replaced it. */
  private record Attempt(
      int status, byte[] body, String retryAfterHeader, IOException error, boolean interrupted) {
    boolean retryable() {
      if (interrupted) {
        return false;
      }
      if (error != null) {
        return !(error instanceof SSLException); // certificate problems do not heal by retrying
      }
      return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** True when the server may have acted on the request although we saw no success. */
    boolean ambiguous() {
      if (error != null) {
        return !(error instanceof ConnectException
            || error instanceof UnknownHostException
            || error instanceof NoRouteToHostException);
      }
      return status >= 500;
    }

    Optional<Duration> retryAfter(Timing timing) {
      return error == null ? Backoff.retryAfter(retryAfterHeader, timing.now()) : Optional.empty();
    }

    @Override
    public String toString() {
      return "Attempt["
          + status
          + (error instanceof InterruptedIOException ? ", timeout" : "")
          + "]";
    }
  }
}
