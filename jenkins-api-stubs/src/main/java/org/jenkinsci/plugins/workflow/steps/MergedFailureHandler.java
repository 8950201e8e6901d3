package org.jenkinsci.plugins.workflow.steps;

/** Serializable composition behind {@link FailureHandler#merge}. */
final class MergedFailureHandler implements FailureHandler {
  private static final long serialVersionUID = 1L;
  private final FailureHandler original;
  private final FailureHandler subsequent;

  MergedFailureHandler(FailureHandler original, FailureHandler subsequent) {
    this.original = original;
    this.subsequent = subsequent;
  }

  @Override
  public Throwable handle(StepContext ctx, Throwable t) {
    return subsequent.handle(ctx, original.handle(ctx, t));
  }
}
