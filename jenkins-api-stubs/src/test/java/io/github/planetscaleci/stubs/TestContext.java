package io.github.planetscaleci.stubs;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Minimal StepContext recording how a step completed and on which thread. */
final class TestContext extends StepContext {
  private static final long serialVersionUID = 1L;

  final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
  final transient List<String> events = new CopyOnWriteArrayList<>();
  transient volatile Thread completedOn;

  @Override
  public <T> T get(Class<T> key) {
    return null;
  }

  @Override
  public void onSuccess(Object result) {
    events.add("onSuccess:" + result);
    completedOn = Thread.currentThread();
    outcome.complete(result);
  }

  @Override
  public void onFailure(Throwable t) {
    events.add("onFailure:" + t.getMessage());
    completedOn = Thread.currentThread();
    outcome.completeExceptionally(t);
  }

  @Override
  public boolean isReady() {
    return outcome.isDone();
  }

  @Override
  public ListenableFuture<Void> saveState() {
    return Futures.immediateFuture(null);
  }

  @Override
  public void setResult(Result r) {}

  @Override
  public BodyInvoker newBodyInvoker() {
    throw new IllegalStateException("no body");
  }

  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
