package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/**
 * Stand-in for workflow-step-api's {@code StepContext}: a step's handle on its context objects and
 * its completion; tests implement it.
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
  private static final long serialVersionUID = 1L;

  /** A context object such as {@code Run} or {@code TaskListener}, or null. */
  public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

  /** Completes the step with a value. */
  @Override
  public abstract void onSuccess(@Nullable Object result);

  public abstract boolean isReady();

  /** Requests the program state be persisted (after mutating step fields). */
  public abstract ListenableFuture<Void> saveState();

  public abstract void setResult(Result r);

  /** Starts building the invocation of this step's body; throws if the step has no body. */
  public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

  public boolean hasBody() {
    try {
      newBodyInvoker();
      return true;
    } catch (IllegalStateException x) {
      return false;
    }
  }

  @Override
  public abstract boolean equals(Object o);

  @Override
  public abstract int hashCode();
}
