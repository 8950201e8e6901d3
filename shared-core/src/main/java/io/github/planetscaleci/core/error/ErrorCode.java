package io.github.planetscaleci.core.error;

import java.util.Locale;

/**
 * Stable error codes: each maps to one process exit code and names the failure in messages.
 *
 * <p>Exit codes are part of the public contract (scripts branch on them); never renumber.
 */
public enum ErrorCode {
  /** Bad settings or arguments given by the user (fix the input). */
  CONFIGURATION(2),
  /** The API rejected the request's content (400/422). */
  INVALID_INPUT(3),
  /** The token is missing, wrong, or lacks a permission (401/403). */
  UNAUTHORIZED(4),
  /** The resource does not exist, or the token cannot see it (404). */
  NOT_FOUND(5),
  /** The resource is in a state that forbids the request (409, some 422). */
  CONFLICT(6),
  /** The API kept answering 429 until the retry deadline. */
  RATE_LIMITED(7),
  /** The API kept failing with 5xx until the retry deadline. */
  SERVER_ERROR(8),
  /** The connection failed (DNS, refused, reset, TLS) until the retry deadline. */
  TRANSPORT_ERROR(9),
  /** A wait (branch readiness, diff, deploy) passed its deadline. */
  TIMEOUT(10),
  /** The deploy request has lint errors, so it was not deployed. */
  LINT_FAILED(20),
  /** An operation can drop data and data loss was not allowed. */
  DATA_LOSS_BLOCKED(21),
  /** The deployment ended in error, was cancelled, or was reverted. */
  DEPLOY_FAILED(22),
  /** Issued credentials do not belong to the requested branch. */
  CREDENTIAL_MISMATCH(23),
  /** The operation would touch a production, default or foreign branch. */
  PROTECTED_BRANCH(24);

  private final int exitCode;

  ErrorCode(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The process exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }

  /** The lower-case identifier used in messages and JSON output, e.g. {@code not_found}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
