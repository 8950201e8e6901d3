package io.github.planetscaleci.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure talking to the PlanetScale API: an error response, a transport failure or a timeout.
 */
public final class ApiException extends PlanetScaleCiException {
  private final int httpStatus;
  private final String apiCode;
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param httpStatus the HTTP status, or 0 when no response arrived
   * @param apiCode the {@code code} of the API's error body, or null
   */
  public ApiException(
      ErrorCode code, int httpStatus, String apiCode, String message, Throwable cause) {
    this(code, httpStatus, apiCode, null, message, cause);
  }

  /**
   * Creates the exception for a response that said when to come back.
   *
   * @param retryAfter the response's {@code Retry-After}, or null when it had none
   */
  public ApiException(
      ErrorCode code,
      int httpStatus,
      String apiCode,
      Duration retryAfter,
      String message,
      Throwable cause) {
    super(code, message, cause);
    this.httpStatus = httpStatus;
    this.apiCode = apiCode;
    this.retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The API's own error code (e.g. {@code not_found}), or null. */
  public String apiCode() {
    return apiCode;
  }

  /**
   * How long the API asked the caller to wait before trying again (its {@code Retry-After}, sent
   * with 429 and some 503 answers), if it said so.
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
