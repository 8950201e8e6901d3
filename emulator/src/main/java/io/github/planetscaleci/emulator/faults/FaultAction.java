package io.github.planetscaleci.emulator.faults;

/** What a fault does to a request. */
public enum FaultAction {
  /** Waits before handling the request normally. */
  LATENCY,
  /** Answers 429 {@code rate_limited}, with Retry-After when the rule has seconds set. */
  TOO_MANY_REQUESTS,
  /** Answers 500 {@code internal_server_error} without acting. */
  INTERNAL_ERROR,
  /** Answers 503 {@code service_unavailable} without acting. */
  SERVICE_UNAVAILABLE,
  /** Closes the connection before the server acts: nothing happened. */
  DROP_BEFORE,
  /** Acts, then closes the connection without answering: a retry meets the result. */
  DROP_AFTER
}
