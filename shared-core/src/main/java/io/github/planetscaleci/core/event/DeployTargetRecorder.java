package io.github.planetscaleci.core.event;

/**
 * A listener that passes every event on and remembers the target of the last {@link
 * WorkflowEvent.DeployTarget}: what a host needs to report a failed deploy-request run under the
 * same target (and sticky-comment marker) as a successful one, without another API call.
 */
public final class DeployTargetRecorder implements WorkflowListener {
  private final WorkflowListener inner;
  private volatile String intoBranch;

  public DeployTargetRecorder(WorkflowListener inner) {
    this.inner = inner == null ? NONE : inner;
  }

  @Override
  public void onEvent(WorkflowEvent event) {
    if (event instanceof WorkflowEvent.DeployTarget t) {
      intoBranch = t.intoBranch();
    }
    inner.onEvent(event);
  }

  /** The resolved target, or {@code fallback} when the workflow failed before resolving it. */
  public String intoBranch(String fallback) {
    String into = intoBranch;
    return into != null ? into : fallback;
  }
}
