package hudson;

import java.io.IOException;

/** Stand-in for Jenkins core's {@code hudson.AbortException}: fails a build with only a message. */
public class AbortException extends IOException {
  private static final long serialVersionUID = 1L;

  public AbortException() {}

  public AbortException(String message) {
    super(message);
  }
}
