package io.github.planetscaleci.demo;

import io.github.planetscaleci.core.event.SecretMasker;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.event.WorkflowListener;
import java.io.PrintStream;

/** Writes the demo's steps and core's events to a stream, masking every secret core announces. */
final class ConsoleLog implements WorkflowListener {
  private final PrintStream out;
  private final SecretMasker masker = new SecretMasker();
  private int step;

  ConsoleLog(PrintStream out) {
    this.out = out;
  }

  void step(String title) {
    out.println();
    out.println("== " + (++step) + ". " + mask(title));
  }

  void say(String text) {
    for (String line : mask(text).split("\\R", -1)) {
      out.println(line.isEmpty() ? "" : "   " + line);
    }
  }

  void done(String line) {
    out.println();
    out.println("OK: " + mask(line));
  }

  void failed(String line) {
    out.println();
    out.println("FAILED: " + mask(line));
  }

  /** Registers a value that must never be printed (the demo's own token, for one). */
  void secret(String value) {
    masker.add(value);
  }

  @Override
  public void onEvent(WorkflowEvent event) {
    if (event instanceof WorkflowEvent.MaskSecret m) {
      secret(m.value());
    } else if (event instanceof WorkflowEvent.Progress p) {
      say("[" + p.step() + "] " + p.message());
    } else if (event instanceof WorkflowEvent.Info i) {
      say(i.message());
    } else if (event instanceof WorkflowEvent.Warning w) {
      say("WARNING: " + w.message());
    }
  }

  private String mask(String text) {
    return masker.mask(text);
  }
}
