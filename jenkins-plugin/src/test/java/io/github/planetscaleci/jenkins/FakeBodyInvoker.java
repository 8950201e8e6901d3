package io.github.planetscaleci.jenkins;

import hudson.console.ConsoleLogFilter;
import hudson.model.TaskListener;
import hudson.util.StreamTaskListener;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Starts a body as Pipeline does: the body's context holds the overrides first, then the parent's
 * objects; its TaskListener writes through the ConsoleLogFilter in context (as workflow-support's
 * DefaultStepContext does); the callback gets the parent's context when the body ends.
 */
final class FakeBodyInvoker extends BodyInvoker {
  private final FakeStepContext parent;
  private final List<Object> overrides = new ArrayList<>();
  volatile BodyExecutionCallback callback;
  volatile FakeStepContext bodyContext;

  FakeBodyInvoker(FakeStepContext parent) {
    this.parent = parent;
  }

  /** The objects the step put into its body's context (what program.dat keeps for the body). */
  List<Object> contextOverrides() {
    return List.copyOf(overrides);
  }

  @Override
  public BodyInvoker withContext(Object override) {
    overrides.add(0, override);
    return this;
  }

  @Override
  public BodyInvoker withDisplayName(String name) {
    return this;
  }

  @Override
  public BodyInvoker withCallback(BodyExecutionCallback callback) {
    this.callback = callback;
    return this;
  }

  @Override
  public BodyExecution start() {
    List<Object> objects = new ArrayList<>(overrides);
    objects.addAll(parent.objects());
    TaskListener listener = find(objects, TaskListener.class);
    ConsoleLogFilter filter = find(objects, ConsoleLogFilter.class);
    if (listener != null && filter != null) {
      try {
        @SuppressWarnings("deprecation")
        OutputStream decorated = filter.decorateLogger(null, listener.getLogger());
        objects.add(0, new StreamTaskListener(decorated));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    bodyContext = new FakeStepContext(null, objects);
    callback.onStart(parent);
    parent.bodies.add(this);
    if (parent.body != null) {
      Thread t = new Thread(this::runBody, "fake pipeline body");
      t.setDaemon(true);
      t.start();
    }
    return new Execution();
  }

  private void runBody() {
    Object result;
    try {
      result = parent.body.run(bodyContext);
    } catch (Throwable t) {
      fail(t);
      return;
    }
    succeed(result);
  }

  /** Ends the body successfully (Pipeline calls the callback with the parent's context). */
  void succeed(Object result) {
    callback.onSuccess(parent, result);
  }

  /** Ends the body with a failure, e.g. an abort's interruption. */
  void fail(Throwable t) {
    callback.onFailure(parent, t);
  }

  private static <T> T find(List<Object> objects, Class<T> type) {
    for (Object o : objects) {
      if (type.isInstance(o)) {
        return type.cast(o);
      }
    }
    return null;
  }

  private static final class Execution extends BodyExecution {
    private static final long serialVersionUID = 1L;

    @Override
    public Collection<StepExecution> getCurrentExecutions() {
      return List.of();
    }

    @Override
    public boolean cancel(Throwable t) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }
  }
}
