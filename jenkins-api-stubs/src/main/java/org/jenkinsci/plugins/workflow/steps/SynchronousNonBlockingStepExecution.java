package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in for workflow-step-api's {@code SynchronousNonBlockingStepExecution}: {@link #run()} runs
 * on a background thread and its value or exception completes the step (no Jenkins authentication
 * is propagated in the stubs).
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
  private static final long serialVersionUID = 1L;
  private static ExecutorService executorService;

  private transient volatile Future<?> task;
  private transient volatile String threadName;
  private transient volatile Throwable stopCause;

  protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
    super(context);
  }

  /** The work of the step; its return value is the step's result. */
  protected abstract T run() throws Exception;

  @Override
  public final boolean start() throws Exception {
    task =
        getExecutorService()
            .submit(
                () -> {
                  threadName = Thread.currentThread().getName();
                  try {
                    T ret = run();
                    getContext().onSuccess(ret);
                  } catch (Throwable x) {
                    if (stopCause == null) {
                      getContext().onFailure(x);
                    } else {
                      stopCause.addSuppressed(x);
                    }
                  }
                });
    return false;
  }

  /** Cancels (interrupts) the background work, then fails the step with {@code cause}. */
  @Override
  public void stop(Throwable cause) throws Exception {
    if (task != null) {
      stopCause = cause;
      task.cancel(true);
    }
    super.stop(cause);
  }

  /** Always fails: this kind of step cannot resume after a restart. */
  @Override
  public void onResume() {
    getContext().onFailure(new SynchronousResumeNotSupportedException(getContext()));
  }

  @Override
  public @NonNull String getStatus() {
    return threadName != null ? "running in thread: " + threadName : "not yet scheduled";
  }

  @Override
  public boolean blocksRestart() {
    return threadName != null;
  }

  static synchronized ExecutorService getExecutorService() {
    if (executorService == null) {
      AtomicInteger n = new AtomicInteger();
      executorService =
          Executors.newCachedThreadPool(
              r -> {
                Thread t =
                    new Thread(
                        r,
                        "org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution"
                            + " [#"
                            + n.incrementAndGet()
                            + "]");
                t.setDaemon(true);
                return t;
              });
    }
    return executorService;
  }
}
