package io.github.planetscaleci.jenkins;

import io.github.planetscaleci.core.event.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Masks whole lines: bytes are held until a newline (or close), so a secret written in pieces is
 * still recognised. {@link #flush()} does not release a partial line, for the same reason.
 */
final class MaskingOutputStream extends OutputStream {
  private final OutputStream out;
  private final SecretMasker masker;
  private final Charset charset;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  MaskingOutputStream(OutputStream out, SecretMasker masker, Charset charset) {
    this.out = out;
    this.masker = masker;
    this.charset = charset;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        line.write(b, start, i + 1 - start);
        emit();
        start = i + 1;
      }
    }
    line.write(b, start, off + len - start);
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0) {
      emit();
    }
    out.close();
  }

  private void emit() throws IOException {
    String text = line.toString(charset);
    line.reset();
    out.write(masker.mask(text).getBytes(charset));
  }
}
