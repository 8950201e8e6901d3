package io.github.planetscaleci.core.model;

import java.util.Locale;

/** The 20 deployment states of the API, plus {@link #UNKNOWN} for values added later. */
public enum DeploymentState {
  PENDING,
  READY,
  NO_CHANGES,
  QUEUED,
  SUBMITTING,
  IN_PROGRESS,
  PENDING_CUTOVER,
  IN_PROGRESS_VSCHEMA,
  IN_PROGRESS_CANCEL,
  IN_PROGRESS_CUTOVER,
  COMPLETE,
  COMPLETE_CANCEL,
  COMPLETE_ERROR,
  COMPLETE_PENDING_REVERT,
  IN_PROGRESS_REVERT,
  IN_PROGRESS_REVERT_VSCHEMA,
  COMPLETE_REVERT,
  COMPLETE_REVERT_ERROR,
  CANCELLED,
  ERROR,
  UNKNOWN;

  /** The API's spelling, e.g. {@code "complete_pending_revert"}. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Maps an API value; anything unrecognised becomes {@link #UNKNOWN} rather than failing. */
  public static DeploymentState fromApi(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** True when the schema change has reached the target. */
  public boolean isDeployed() {
    return this == COMPLETE || this == COMPLETE_PENDING_REVERT;
  }

  /** True for states from which the deploy will not complete on its own. */
  public boolean isFailed() {
    return this == ERROR
        || this == COMPLETE_ERROR
        || this == CANCELLED
        || this == COMPLETE_CANCEL
        || this == COMPLETE_REVERT
        || this == COMPLETE_REVERT_ERROR;
  }
}
