package io.github.planetscaleci.core.error;

/** A workflow refused or failed a step: a gate (lint, data loss), a wait, or a failed deploy. */
public final class WorkflowException extends PlanetScaleCiException {
  public WorkflowException(ErrorCode code, String message) {
    super(code, message, null);
  }

  public WorkflowException(ErrorCode code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
