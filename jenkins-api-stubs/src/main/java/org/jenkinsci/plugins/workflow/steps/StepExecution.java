package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Stand-in for workflow-step-api's {@code StepExecution}: the running, serializable state of a
 * step.
 */
public abstract class StepExecution implements Serializable {
  private static final long serialVersionUID = 1L;

  private StepContext context;

  @Deprecated
  protected StepExecution() {}

  protected StepExecution(@NonNull StepContext context) {
    this.context = context;
  }

  @NonNull
  public StepContext getContext() {
    if (context == null) {
      throw new IllegalStateException(
          "you must either pass in a StepContext to the StepExecution constructor, or have the"
              + " StepExecution be created automatically");
    }
    return context;
  }

  /** Starts the step on the CPS VM thread; true if it completed synchronously. */
  public abstract boolean start() throws Exception;

  /** Interrupts the step; by default fails it with {@code cause}. */
  public void stop(@NonNull Throwable cause) throws Exception {
    getContext().onFailure(cause);
  }

  /** Called after a controller restart. */
  public void onResume() {}

  @CheckForNull
  public String getStatus() {
    return null;
  }

  public boolean blocksRestart() {
    return false;
  }

  /** {@link #getStatus()} with a time limit, for thread dumps. */
  public final @CheckForNull String getStatusBounded(long timeout, TimeUnit unit) {
    Future<String> f =
        SynchronousNonBlockingStepExecution.getExecutorService().submit(this::getStatus);
    try {
      return f.get(timeout, unit);
    } catch (InterruptedException | ExecutionException | TimeoutException x) {
      f.cancel(true);
      return "failed to compute status: " + x;
    }
  }

  /** Applies {@code c} to every running execution; with no Jenkins there are none. */
  public static ListenableFuture<?> acceptAll(Consumer<StepExecution> c) {
    return Futures.immediateFuture(null);
  }

  /** Typed variant of {@link #acceptAll(Consumer)}; with no Jenkins there are none. */
  public static <T extends StepExecution> ListenableFuture<?> acceptAll(
      Class<T> type, Consumer<T> c) {
    return Futures.immediateFuture(null);
  }

  @Deprecated
  public static ListenableFuture<?> applyAll(
      com.google.common.base.Function<StepExecution, Void> f) {
    return acceptAll(f::apply);
  }

  @Deprecated
  public static <T extends StepExecution> ListenableFuture<?> applyAll(
      Class<T> type, com.google.common.base.Function<T, Void> f) {
    return acceptAll(type, f::apply);
  }
}
