package io.github.planetscaleci.core.error;

/**
 * A failure talking to the PlanetScale API: an error response, a transport failure or a timeout.
 */
public final class ApiException extends PlanetScaleCiException {
  private final int httpStatus;
  private final String apiCode;

  /**
   * Creates the exception.
   *
   * @param httpStatus the HTTP status, or 0 when no response arrived
   * @param apiCode the {@code code} of the API's error body, or null
   */
  public ApiException(
      ErrorCode code, int httpStatus, String apiCode, String message, Throwable cause) {
    super(code, message, cause);
    this.httpStatus = httpStatus;
    this.apiCode = apiCode;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The API's own error code (e.g. {@code not_found}), or null. */
  public String apiCode() {
    return apiCode;
  }
}
