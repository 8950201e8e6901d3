package io.github.planetscaleci.action.runner;

import io.github.planetscaleci.core.event.SecretMasker;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes workflow commands ({@code ::add-mask::}, {@code ::error::}, groups) and log lines to the
 * step's stdout, escaped exactly as the toolkit's {@code command.ts} does.
 *
 * <p>Everything goes to one stream so the runner sees a mask before any line that could hold the
 * secret; two pipes (stdout and stderr) are read independently and could reorder.
 */
public final class WorkflowCommands {
  private final PrintStream out;
  private final Set<String> masked = new LinkedHashSet<>();
  // Defence in depth: our own lines are masked here too, should the runner's masker ever miss.
  private final SecretMasker masker = new SecretMasker();

  public WorkflowCommands(PrintStream out) {
    this.out = out;
  }

  /**
   * Registers a secret and its URL-encoded forms with the runner's masker; blank values are ignored
   * (the runner would warn about them and they mask nothing).
   */
  public void mask(String secret) {
    if (secret == null || secret.isBlank()) {
      return;
    }
    masker.add(secret);
    for (String form :
        new String[] {
          secret,
          URLEncoder.encode(secret, StandardCharsets.UTF_8),
          URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20")
        }) {
      if (masked.add(form)) {
        out.println("::add-mask::" + escapeData(form));
      }
    }
    out.flush();
  }

  /** A plain log line; a leading {@code ::} from user data is defused so it is not a command. */
  public void log(String text) {
    String line = masker.mask(text);
    out.println(line.startsWith("::") ? " " + line : line);
    out.flush();
  }

  /** An error annotation with a title. */
  public void error(String title, String message) {
    annotation("error", title, message);
  }

  /** A warning annotation. */
  public void warning(String message) {
    annotation("warning", null, message);
  }

  /** A notice annotation. */
  public void notice(String message) {
    annotation("notice", null, message);
  }

  /** Starts a collapsible group in the log. */
  public void group(String title) {
    out.println("::group::" + escapeData(title));
  }

  /** Ends the current group. */
  public void endGroup() {
    out.println("::endgroup::");
    out.flush();
  }

  /** A debug line, shown only when step debug logging is on. */
  public void debug(String message) {
    out.println("::debug::" + escapeData(message));
  }

  private void annotation(String kind, String title, String message) {
    String props = title == null ? "" : " title=" + escapeProperty(title);
    out.println("::" + kind + props + "::" + escapeData(masker.mask(message)));
    out.flush();
  }

  /** The toolkit's {@code escapeData}: {@code %}, CR and LF. */
  public static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** The toolkit's {@code escapeProperty}: as data, plus {@code :} and {@code ,}. */
  public static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
