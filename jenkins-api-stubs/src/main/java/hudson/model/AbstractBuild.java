package hudson.model;

import java.io.IOException;

/**
 * Stand-in for Jenkins core's {@code hudson.model.AbstractBuild} (type only: it appears in {@code
 * ConsoleLogFilter}'s signatures).
 */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
    extends Run<P, R> {

  protected AbstractBuild(P job) throws IOException {
    super(job);
  }
}
