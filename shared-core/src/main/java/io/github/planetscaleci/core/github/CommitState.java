package io.github.planetscaleci.core.github;

/** The state of a commit status, as GitHub defines it. */
public enum CommitState {
  PENDING,
  SUCCESS,
  ERROR,
  FAILURE
}
