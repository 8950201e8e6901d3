package io.github.planetscaleci.core.error;

import java.util.Objects;

/**
 * The one exception family of planetscale-ci; every failure carries a stable {@link ErrorCode}.
 *
 * <p>Messages say what happened and what to do, and never contain a secret.
 */
public abstract sealed class PlanetScaleCiException extends RuntimeException
    permits ApiException, WorkflowException, ConfigurationException {
  private final ErrorCode code;

  protected PlanetScaleCiException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The stable code of this failure. */
  public ErrorCode code() {
    return code;
  }
}
