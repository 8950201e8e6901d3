package io.github.planetscaleci.jenkins;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.model.Result;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A StepContext as Pipeline provides it: context objects looked up by type (newest first), {@code
 * EnvVars} computed through the {@link EnvironmentExpander}, the outcome recorded, and a body that
 * either runs a lambda on its own thread or waits for the test to end it ({@link FakeBodyInvoker}).
 *
 * <p>Survives Java serialization as the same live instance (by id), like a real context that
 * reattaches to its build after a restart.
 */
final class FakeStepContext extends StepContext {
  private static final long serialVersionUID = 1L;
  private static final Map<String, FakeStepContext> LIVE = new ConcurrentHashMap<>();

  /** What a body does; its return value or exception ends the body. */
  @FunctionalInterface
  interface Body {
    Object run(FakeStepContext body) throws Exception;
  }

  private final String id = UUID.randomUUID().toString();
  private final transient List<Object> objects;
  final transient Body body;
  final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
  final transient BlockingQueue<FakeBodyInvoker> bodies = new LinkedBlockingQueue<>();
  final transient AtomicInteger completions = new AtomicInteger();

  /** A context holding {@code objects}; {@code body} null means the test ends the body. */
  FakeStepContext(Body body, List<?> objects) {
    this.body = body;
    this.objects = new ArrayList<>(objects);
    LIVE.put(id, this);
  }

  private Object readResolve() {
    return LIVE.get(id);
  }

  @Override
  public <T> T get(Class<T> key) throws IOException, InterruptedException {
    if (key == EnvVars.class) {
      EnvVars base = find(EnvVars.class);
      return key.cast(
          EnvironmentExpander.getEffectiveEnvironment(
              new EnvVars(), base, find(EnvironmentExpander.class), this, TaskListener.NULL));
    }
    return find(key);
  }

  private <T> T find(Class<T> key) {
    for (Object o : objects) {
      if (key.isInstance(o)) {
        return key.cast(o);
      }
    }
    return null;
  }

  List<Object> objects() {
    return objects;
  }

  /** The body invocation started by the step (waits for it). */
  FakeBodyInvoker awaitBody() throws InterruptedException {
    FakeBodyInvoker b = bodies.poll(120, TimeUnit.SECONDS);
    if (b == null) {
      throw new AssertionError("the step never started its body; outcome: " + outcome);
    }
    return b;
  }

  /**
   * Runs a non-block step in this context (as a step inside the body would) and returns its value.
   */
  Object runStep(Step step) throws Exception {
    FakeStepContext child = new FakeStepContext(null, objects);
    StepExecution e = step.start(child);
    e.start();
    return child.result();
  }

  /** The step's result; rethrows its failure. */
  Object result() throws Exception {
    try {
      return outcome.get(180, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw e;
    }
  }

  @Override
  public void onSuccess(Object result) {
    completions.incrementAndGet();
    outcome.complete(result);
  }

  @Override
  public void onFailure(Throwable t) {
    completions.incrementAndGet();
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
    return new FakeBodyInvoker(this);
  }

  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }
}
