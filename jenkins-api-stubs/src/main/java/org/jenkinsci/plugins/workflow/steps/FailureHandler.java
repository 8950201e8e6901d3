package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Stand-in for workflow-step-api's {@code FailureHandler} (since 704): rewrites a body's failure,
 * e.g. to mask secrets in its message.
 */
@FunctionalInterface
public interface FailureHandler extends Serializable {
  @NonNull
  Throwable handle(@NonNull StepContext ctx, @NonNull Throwable t);

  /** Runs the context's handler, if any; a handler that throws is suppressed into {@code t}. */
  static @NonNull Throwable apply(@NonNull StepContext ctx, @NonNull Throwable t) {
    try {
      FailureHandler h = ctx.get(FailureHandler.class);
      return h == null ? t : h.handle(ctx, t);
    } catch (Throwable x) {
      t.addSuppressed(x);
      return t;
    }
  }

  /** Runs {@code original} then {@code subsequent}; just {@code subsequent} if original is null. */
  static FailureHandler merge(
      @CheckForNull FailureHandler original, @NonNull FailureHandler subsequent) {
    if (original == null) {
      return subsequent;
    }
    return new MergedFailureHandler(original, subsequent);
  }
}
