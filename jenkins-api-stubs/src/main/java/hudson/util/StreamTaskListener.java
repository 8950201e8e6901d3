package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Stand-in for Jenkins core's {@code hudson.util.StreamTaskListener}: a listener writing to a
 * stream (the deprecated {@code AbstractTaskListener} superclass is omitted).
 */
public class StreamTaskListener implements TaskListener, Closeable {
  private static final long serialVersionUID = 1L;

  private final transient PrintStream out;
  private final transient Charset charset;

  public StreamTaskListener(@NonNull OutputStream out) {
    this(out, null);
  }

  public StreamTaskListener(@NonNull OutputStream out, @CheckForNull Charset charset) {
    this.charset = charset == null ? StandardCharsets.UTF_8 : charset;
    this.out =
        out instanceof PrintStream ps && charset == null
            ? ps
            : new PrintStream(out, false, this.charset);
  }

  @Override
  @NonNull
  public PrintStream getLogger() {
    return out;
  }

  @Override
  @NonNull
  public Charset getCharset() {
    return charset;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
