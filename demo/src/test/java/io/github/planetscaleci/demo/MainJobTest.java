package io.github.planetscaleci.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the README's main job as a user would and checks what it printed. */
class MainJobTest {
  @Test
  void wholeLifecycleSucceedsAndPrintsNoSecret() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      exit = MainJob.run(out);
    }
    String printed = buffer.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(printed).isZero();
    assertThat(printed)
        .contains("-> ci-pr-42-r9100000001-a1")
        .contains("ADD COLUMN `loyalty_tier`")
        .contains("loyalty_tier=bronze")
        .contains("left behind: branches=0 password users=0 open deploy requests=0")
        .endsWith("nothing was left behind." + System.lineSeparator());
    // All three seeded customers are printed from main after the deploy.
    assertThat(printed).contains("ada@example.com", "grace@example.com", "edsger@example.com");
    // The demo's token secret and any password or credentialed URL never reach the output.
    assertThat(printed)
        .doesNotContain("pscale_tkn_")
        .doesNotContainPattern(Pattern.compile("mysql://[^ ]*:[^ *]+@"));
    assertThat(printed).doesNotContainPattern(Pattern.compile("(?i)password\\s*[:=]\\s*[^*\\s]"));
  }
}
