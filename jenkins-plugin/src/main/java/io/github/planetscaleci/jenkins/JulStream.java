package io.github.planetscaleci.jenkins;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Logs each line written to it at INFO, for work done after the build log has closed. */
final class JulStream extends OutputStream {
  private final Logger logger;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  JulStream(Logger logger) {
    this.logger = logger;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      logger.log(Level.INFO, line.toString(StandardCharsets.UTF_8));
      line.reset();
    } else {
      line.write(b);
    }
  }
}
