package io.github.planetscaleci.action.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.action.RunnerHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCommandsTest {
  @TempDir Path dir;

  @Test
  void heredocEntriesParseBackExactlyWithTheRunnersRules() throws Exception {
    Path file = Files.createFile(dir.resolve("set_output_x"));
    FileCommands.appendKeyValue(file, "plain", "value");
    FileCommands.appendKeyValue(file, "multi", "line one\nline two\n\nEOF");
    FileCommands.appendKeyValue(file, "equals", "a=b<<c");
    FileCommands.appendKeyValue(file, "empty", "");
    FileCommands.appendKeyValue(file, "unicode", "héllo ✓");

    assertThat(RunnerHarness.parseKeyValueFile(file))
        .containsEntry("plain", "value")
        .containsEntry("multi", "line one\nline two\n\nEOF")
        .containsEntry("equals", "a=b<<c")
        .containsEntry("empty", "")
        .containsEntry("unicode", "héllo ✓")
        .hasSize(5);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\r").endsWith("\n");
  }

  @Test
  void everyEntryGetsItsOwnRandomDelimiter() throws Exception {
    Path file = Files.createFile(dir.resolve("save_state_x"));
    FileCommands.appendKeyValue(file, "a", "1");
    FileCommands.appendKeyValue(file, "b", "2");
    var m =
        Pattern.compile("^[ab]<<(ghadelimiter_[0-9a-f-]{36})$", Pattern.MULTILINE)
            .matcher(Files.readString(file));
    assertThat(m.find()).isTrue();
    String first = m.group(1);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).isNotEqualTo(first);
  }

  @Test
  void refusesNamesThatWouldCorruptTheFile() {
    Path file = dir.resolve("f");
    assertThatThrownBy(() -> FileCommands.appendKeyValue(file, "a=b", "v"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileCommands.appendKeyValue(file, "", "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summaryIsAppendedAndKeptUnderTheRunnersLimit() throws Exception {
    Path file = Files.createFile(dir.resolve("step_summary_x"));
    FileCommands.appendSummary(file, "# first");
    FileCommands.appendSummary(file, "x".repeat(2 * 1024 * 1024));
    String text = Files.readString(file);
    assertThat(text).startsWith("# first\n");
    assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024 * 1024);
    assertThat(text).endsWith("_(summary truncated)_\n");
  }
}
