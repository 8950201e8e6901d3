package io.github.planetscaleci.core.event;

/** Something a workflow reports to its caller; wrappers write these to their host's log. */
public sealed interface WorkflowEvent
    permits WorkflowEvent.Progress,
        WorkflowEvent.Info,
        WorkflowEvent.Warning,
        WorkflowEvent.MaskSecret,
        WorkflowEvent.Created,
        WorkflowEvent.DeployTarget {

  /** A step started or advanced, e.g. step {@code wait-ready}, message "branch not ready yet". */
  record Progress(String step, String message) implements WorkflowEvent {}

  /** A fact worth showing, e.g. "CI name pr-12 run 7 -> branch ci-pr-12-r7-a1". */
  record Info(String message) implements WorkflowEvent {}

  /** Something the user should look at, though the workflow goes on. */
  record Warning(String message) implements WorkflowEvent {}

  /**
   * A secret the host must mask from now on; emitted before anything could print it.
   *
   * <p>{@link #toString()} never shows the value.
   */
  record MaskSecret(String value) implements WorkflowEvent {
    @Override
    public String toString() {
      return "MaskSecret[***]";
    }
  }

  /**
   * A resource this run has just made, reported the moment the API confirms it and before anything
   * else can fail, so that a host can record it for cleanup that survives a cancel or a hard kill.
   *
   * @param id the branch name for a branch, the password's id, the deploy request's number
   */
  record Created(
      CreatedResource resource, String organization, String database, String branch, String id)
      implements WorkflowEvent {}

  /**
   * The branch a deploy request goes into, as the workflow resolved it (the given target, else the
   * branch's parent, else the default branch), reported before anything can refuse or fail, so that
   * a host can report a failure under the same target as a success ({@link DeployTargetRecorder}).
   */
  record DeployTarget(String organization, String database, String branch, String intoBranch)
      implements WorkflowEvent {}

  /** What a {@link Created} event reports. */
  enum CreatedResource {
    BRANCH,
    PASSWORD,
    DEPLOY_REQUEST
  }
}
