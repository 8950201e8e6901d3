package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.Future;

/**
 * Stand-in for workflow-step-api's {@code GeneralNonBlockingStepExecution}: {@link #run(Block)}
 * runs work on a background cached thread pool, failures go to {@code onFailure}, and nothing runs
 * after {@link #stop}.
 */
public abstract class GeneralNonBlockingStepExecution extends StepExecution {
  private static final long serialVersionUID = 1L;

  private transient volatile Future<?> task;
  private volatile String threadName;
  private transient volatile Throwable stopCause;

  protected GeneralNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  /** Work passed to {@link #run(Block)}: may throw, need not return a value. */
  @FunctionalInterface
  protected interface Block {
    void run() throws Exception;
  }

  /** Runs {@code block} off the calling thread; a no-op once the execution has been stopped. */
  protected final void run(Block block) {
    if (stopCause != null) {
      return;
    }
    task =
        SynchronousNonBlockingStepExecution.getExecutorService()
            .submit(
                () -> {
                  threadName = Thread.currentThread().getName();
                  try {
                    block.run();
                  } catch (Throwable x) {
                    if (stopCause == null) {
                      getContext().onFailure(x);
                    } else {
                      stopCause.addSuppressed(x);
                    }
                  } finally {
                    threadName = null;
                    task = null;
                  }
                });
  }

  /** Records the cause, cancels running work, then fails the step. */
  @Override
  public void stop(Throwable cause) throws Exception {
    stopCause = cause;
    Future<?> t = task;
    if (t != null) {
      t.cancel(true);
    }
    super.stop(cause);
  }

  /** Fails the step if background work was running when the controller went down. */
  @Override
  public void onResume() {
    if (threadName != null) {
      getContext()
          .onFailure(
              new Exception("Resume after a restart not supported while running background code"));
    }
  }

  @Override
  public @NonNull String getStatus() {
    String t = threadName;
    return t != null ? "running in thread: " + t : "not currently scheduled, or running blocks";
  }

  @Override
  public boolean blocksRestart() {
    return threadName != null;
  }

  /** A {@link BodyExecutionCallback.TailCall} whose {@link #finished} runs via {@link #run}. */
  protected abstract class TailCall extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;

    /** Cleanup after the body; an exception fails the step (or is suppressed into a failure). */
    protected abstract void finished(StepContext context) throws Exception;

    @Override
    public final void onSuccess(StepContext context, Object result) {
      run(
          () -> {
            try {
              finished(context);
            } catch (Exception x) {
              if (stopCause == null) {
                context.onFailure(x);
              } else {
                stopCause.addSuppressed(x);
              }
              return;
            }
            context.onSuccess(result);
          });
    }

    @Override
    public final void onFailure(StepContext context, Throwable t) {
      run(
          () -> {
            try {
              finished(context);
            } catch (Exception x) {
              t.addSuppressed(x);
            }
            context.onFailure(t);
          });
    }
  }
}
