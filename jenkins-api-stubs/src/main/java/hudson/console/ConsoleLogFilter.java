package hudson.console;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.Util;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Stand-in for Jenkins core's {@code hudson.console.ConsoleLogFilter}: decorates a build log stream
 * (the {@code Computer} overload is omitted).
 */
public abstract class ConsoleLogFilter implements ExtensionPoint {

  /** Forwards to the {@link Run} overload when a subclass overrides only that one, as in core. */
  @Deprecated
  @SuppressWarnings("rawtypes")
  public OutputStream decorateLogger(AbstractBuild build, OutputStream logger)
      throws IOException, InterruptedException {
    if (Util.isOverridden(
        ConsoleLogFilter.class, getClass(), "decorateLogger", Run.class, OutputStream.class)) {
      return decorateLogger((Run) build, logger);
    }
    throw new AbstractMethodError(
        "Plugin class '"
            + getClass().getName()
            + "' does not override either overload of the decorateLogger method.");
  }

  /** Delegates to the old overload for abstract builds, otherwise passes the stream through. */
  @SuppressWarnings({"rawtypes", "deprecation"})
  public OutputStream decorateLogger(Run build, OutputStream logger)
      throws IOException, InterruptedException {
    if (build instanceof AbstractBuild ab) {
      return decorateLogger(ab, logger);
    }
    return logger;
  }

  public static ExtensionList<ConsoleLogFilter> all() {
    return ExtensionList.lookup(ConsoleLogFilter.class);
  }
}
