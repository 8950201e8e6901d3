package io.github.planetscaleci.emulator.service;

/** An error answered as the real API does: an HTTP status and a {@code {code, message}} body. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** HTTP status. */
  public int status() {
    return status;
  }

  /** API error code such as {@code not_found}. */
  public String code() {
    return code;
  }

  /** 404 with the real API's body. */
  public static ApiException notFound() {
    return new ApiException(404, "not_found", "Not Found");
  }

  /** 422 {@code unprocessable} with a message. */
  public static ApiException unprocessable(String message) {
    return new ApiException(422, "unprocessable", message);
  }

  /** 400 {@code bad_request} with a message. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }
}
