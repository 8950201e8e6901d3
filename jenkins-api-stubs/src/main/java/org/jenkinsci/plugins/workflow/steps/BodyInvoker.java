package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Collection;

/**
 * Stand-in for workflow-step-api's {@code BodyInvoker}: builds and starts the invocation of a block
 * step's body ({@code mergeLauncherDecorators} omitted); tests implement it.
 */
public abstract class BodyInvoker {

  /** Adds or overrides a context object for the body (one per class; merge expanders/filters). */
  public abstract BodyInvoker withContext(Object override);

  public BodyInvoker withContexts(Object... overrides) {
    for (Object o : overrides) {
      withContext(o);
    }
    return this;
  }

  public BodyInvoker withContexts(Collection<?> overrides) {
    for (Object o : overrides) {
      withContext(o);
    }
    return this;
  }

  public abstract BodyInvoker withDisplayName(@NonNull String name);

  public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

  /**
   * Wraps a plain callback.
   *
   * @deprecated use {@link #withCallback(BodyExecutionCallback)}
   */
  public final BodyInvoker withCallback(FutureCallback<Object> callback) {
    return withCallback(BodyExecutionCallback.wrap(callback));
  }

  public abstract BodyExecution start();

  /** Chains two filters: {@code original} decorates first, then {@code subsequent}. */
  public static ConsoleLogFilter mergeConsoleLogFilters(
      @CheckForNull ConsoleLogFilter original, @NonNull ConsoleLogFilter subsequent) {
    if (original == null) {
      return subsequent;
    }
    return new MergedFilter(original, subsequent);
  }

  private static final class MergedFilter extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ConsoleLogFilter original;
    private final ConsoleLogFilter subsequent;

    MergedFilter(ConsoleLogFilter original, ConsoleLogFilter subsequent) {
      this.original = original;
      this.subsequent = subsequent;
    }

    @Override
    @SuppressWarnings({"rawtypes", "deprecation"})
    public OutputStream decorateLogger(AbstractBuild build, OutputStream logger)
        throws IOException, InterruptedException {
      return subsequent.decorateLogger(build, original.decorateLogger(build, logger));
    }
  }
}
