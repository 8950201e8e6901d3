package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

/**
 * Stand-in for workflow-step-api's {@code BodyExecution}: a running body ({@code
 * cancel(CauseOfInterruption...)} omitted); tests implement it.
 */
public abstract class BodyExecution implements Future<Object>, Serializable {
  private static final long serialVersionUID = 1L;

  public abstract Collection<StepExecution> getCurrentExecutions();

  /** Real: cancels with a {@code FlowInterruptedException(ABORTED)}, which is not stubbed. */
  @Deprecated
  @Override
  public boolean cancel(boolean b) {
    throw new UnsupportedOperationException("stub: BodyExecution.cancel(boolean)");
  }

  /** Interrupts the body with {@code t}; implementations must override it. */
  public boolean cancel(Throwable t) {
    throw new AbstractMethodError(getClass().getName() + " must override cancel(Throwable)");
  }
}
