package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Stand-in for Jenkins core's {@code hudson.model.TaskListener}: the build log (console notes and
 * hyperlinks omitted).
 */
public interface TaskListener extends SerializableOnlyOverRemoting {
  @NonNull
  PrintStream getLogger();

  @NonNull
  default Charset getCharset() {
    return StandardCharsets.UTF_8;
  }

  @NonNull
  default PrintWriter error(String msg) {
    getLogger().println("ERROR: " + msg);
    return new PrintWriter(new OutputStreamWriter(getLogger(), getCharset()), true);
  }

  @NonNull
  default PrintWriter error(String format, Object... args) {
    return error(String.format(format, args));
  }

  @NonNull
  default PrintWriter fatalError(String msg) {
    getLogger().println("FATAL: " + msg);
    return new PrintWriter(new OutputStreamWriter(getLogger(), getCharset()), true);
  }

  @NonNull
  default PrintWriter fatalError(String format, Object... args) {
    return fatalError(String.format(format, args));
  }

  /** A listener that discards everything. */
  TaskListener NULL = new NullTaskListener();
}
