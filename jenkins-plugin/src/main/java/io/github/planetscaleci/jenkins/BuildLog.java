package io.github.planetscaleci.jenkins;

import io.github.planetscaleci.core.event.SecretMasker;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.event.WorkflowListener;
import java.io.PrintStream;

/**
 * Writes core events and the steps' own lines to the build log, every line through one {@link
 * SecretMasker} that learns each secret core announces before it could be printed.
 */
final class BuildLog implements WorkflowListener {
  private final PrintStream out;
  private final SecretMasker masker = new SecretMasker();
  private final WorkflowListener registering;

  BuildLog(PrintStream out) {
    this.out = out;
    this.registering = masker.registering(this::write);
  }

  /** Masks {@code secret} in everything printed from now on. */
  BuildLog mask(String secret) {
    masker.add(secret);
    return this;
  }

  @Override
  public void onEvent(WorkflowEvent event) {
    registering.onEvent(event);
  }

  /** {@code text} with every secret known so far masked, for what leaves the log (reports). */
  String masked(String text) {
    return masker.mask(text);
  }

  /** Prints one or more lines, each prefixed so the step's output stands out. */
  void println(String text) {
    String masked = masker.mask(text);
    if (masked.endsWith("\n")) {
      masked = masked.substring(0, masked.length() - 1);
    }
    for (String line : masked.split("\n", -1)) {
      out.println("[planetscale] " + line);
    }
  }

  private void write(WorkflowEvent event) {
    if (event instanceof WorkflowEvent.Progress p) {
      println(p.message());
    } else if (event instanceof WorkflowEvent.Info i) {
      println(i.message());
    } else if (event instanceof WorkflowEvent.Warning w) {
      println("WARNING: " + w.message());
    }
    // MaskSecret: registered by the masker, nothing to print
  }
}
