package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.Serializable;

/**
 * Stand-in for workflow-step-api's {@code BodyExecutionCallback}: told when a step's body starts
 * and how it ends.
 */
public abstract class BodyExecutionCallback implements Serializable {
  private static final long serialVersionUID = 1L;

  public void onStart(StepContext context) {}

  public abstract void onSuccess(StepContext context, Object result);

  public abstract void onFailure(StepContext context, Throwable t);

  /** Adapts a serializable {@link FutureCallback} (such as the step's own context). */
  public static BodyExecutionCallback wrap(FutureCallback<Object> v) {
    return v instanceof BodyExecutionCallback b ? b : new Wrapper(v);
  }

  private static final class Wrapper extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;
    private final FutureCallback<Object> v;

    Wrapper(FutureCallback<Object> v) {
      if (!(v instanceof Serializable)) {
        throw new IllegalArgumentException(v.getClass() + " is not serializable");
      }
      this.v = v;
    }

    @Override
    public void onSuccess(StepContext context, Object result) {
      v.onSuccess(result);
    }

    @Override
    public void onFailure(StepContext context, Throwable t) {
      v.onFailure(t);
    }
  }

  /**
   * Runs {@link #finished} after the body, then completes the step with the body's outcome; runs on
   * the CPS VM thread, so no I/O (use {@code GeneralNonBlockingStepExecution.TailCall}).
   */
  public abstract static class TailCall extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;

    protected abstract void finished(StepContext context) throws Exception;

    @Override
    public final void onSuccess(StepContext context, Object result) {
      try {
        finished(context);
      } catch (Exception x) {
        context.onFailure(x);
        return;
      }
      context.onSuccess(result);
    }

    @Override
    public void onFailure(StepContext context, Throwable t) {
      try {
        finished(context);
      } catch (Exception x) {
        t.addSuppressed(x);
      }
      context.onFailure(t);
    }
  }
}
