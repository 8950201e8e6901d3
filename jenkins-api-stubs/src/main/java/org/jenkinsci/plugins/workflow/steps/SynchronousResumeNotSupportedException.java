package org.jenkinsci.plugins.workflow.steps;

/**
 * Stand-in for workflow-step-api's {@code SynchronousResumeNotSupportedException}: reported from
 * {@code onResume} by steps that cannot survive a restart.
 */
public class SynchronousResumeNotSupportedException extends Exception {
  private static final long serialVersionUID = 1L;

  @Deprecated
  public SynchronousResumeNotSupportedException() {
    super("Resume after a restart not supported for non-blocking synchronous steps");
  }

  /** Real names the step from its flow node; the stubs have no flow graph. */
  public SynchronousResumeNotSupportedException(StepContext context) {
    super(
        "This step is a non-blocking synchronous step; it doesn't support resume after a restart."
            + " You may wrap it within `retry(conditions: [nonresumable()], count: 2) {...}`, or,"
            + " in declarative syntax, use the `retries` option to an `agent` directive to resume"
            + " it.");
  }
}
