package io.github.planetscaleci.action.runner;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Appends to the runner's file commands: {@code GITHUB_OUTPUT} and {@code GITHUB_STATE} in the
 * heredoc form with a fresh random delimiter per entry (as the toolkit's {@code file-command.ts}),
 * and {@code GITHUB_STEP_SUMMARY} as Markdown. LF line endings and UTF-8 only: on Linux the runner
 * would keep a CR in every value.
 */
public final class FileCommands {
  /** The runner rejects summaries above 1 MiB; stay below with a margin for the truncation note. */
  static final int SUMMARY_LIMIT = 1024 * 1024 - 1024;

  private FileCommands() {}

  /** Appends {@code name<<delimiter LF value LF delimiter LF} to {@code file}. */
  public static void appendKeyValue(Path file, String name, String value) {
    String delimiter = "ghadelimiter_" + UUID.randomUUID();
    if (name.contains(delimiter) || value.contains(delimiter)) {
      // Practically impossible with a random UUID; refusing beats a corrupt file.
      throw new IllegalArgumentException("value of " + name + " contains the heredoc delimiter");
    }
    if (name.isEmpty() || name.contains("\n") || name.contains("=") || name.contains("<<")) {
      throw new IllegalArgumentException("invalid file command name: " + name);
    }
    append(file, name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n");
  }

  /** Appends Markdown to the step summary, truncated to stay under the runner's 1 MiB limit. */
  public static void appendSummary(Path file, String markdown) {
    String text = markdown.endsWith("\n") ? markdown : markdown + "\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > SUMMARY_LIMIT) {
      String cut = new String(bytes, 0, SUMMARY_LIMIT - 200, StandardCharsets.UTF_8);
      text = cut.substring(0, Math.max(0, cut.length() - 1)) + "\n\n_(summary truncated)_\n";
    }
    append(file, text);
  }

  /** Resolves a file-command variable; the runner always sets it and creates the file. */
  public static Path required(String variable, String value) {
    if (value == null || value.isEmpty()) {
      throw new ConfigurationException(
          variable
              + " is not set: this entry point expects the GitHub Actions runner; "
              + "outside Actions use the CLI (java -jar planetscale-ci-action.jar --help).");
    }
    return Path.of(value);
  }

  private static void append(Path file, String text) {
    try {
      Files.writeString(
          file,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
