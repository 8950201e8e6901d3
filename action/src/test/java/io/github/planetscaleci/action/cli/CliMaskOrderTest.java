package io.github.planetscaleci.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.action.EmulatorFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a GitHub Actions {@code run:} step the secrets are masked on stdout before the outputs, as the
 * runner reads stdout and stderr independently; a redirected stdout gets only the outputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliMaskOrderTest {
  private static final String TOKEN = "pscale_tkn_CANARYCLIMASK0001";

  @RegisterExtension
  static final EmulatorFixture emulator =
      EmulatorFixture.serviceToken("cli-id", TOKEN).database(null);

  @TempDir Path dir;

  private List<String> openAndClose(String branch, boolean actions, boolean reachesLog) {
    Map<String, String> env = emulator.cliEnv(dir.resolve(branch));
    if (actions) {
      env.put("GITHUB_ACTIONS", "true");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        cli(env, out, err, reachesLog).run("open-branch", "--database", "shop", "--branch", branch);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> stdout = out.toString(StandardCharsets.UTF_8).lines().toList();
    ByteArrayOutputStream ignored = new ByteArrayOutputStream();
    assertThat(
            cli(env, ignored, ignored, reachesLog)
                .run("close-branch", "--database", "shop", "--branch", branch))
        .isZero();
    return stdout;
  }

  private static Cli cli(
      Map<String, String> env, ByteArrayOutputStream out, ByteArrayOutputStream err, boolean log) {
    return new Cli(
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        log);
  }

  private static String value(List<String> stdout, String key) {
    String line = stdout.stream().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow();
    String v = line.substring(key.length() + 1);
    return v.startsWith("'") ? v.substring(1, v.length() - 1).replace("'\\''", "'") : v;
  }

  @Test
  void insideActionsEverySecretIsMaskedOnStdoutBeforeItIsPrinted() {
    List<String> stdout = openAndClose("cli-mask-1", true, true);
    String password = value(stdout, "PASSWORD");
    String url = value(stdout, "DATABASE_URL");
    int firstOutput = 0;
    while (stdout.get(firstOutput).startsWith("::add-mask::")) {
      firstOutput++;
    }
    assertThat(stdout.subList(0, firstOutput))
        .contains("::add-mask::" + password, "::add-mask::" + url);
    assertThat(stdout.subList(firstOutput, stdout.size()))
        .noneMatch(l -> l.startsWith("::"))
        .anyMatch(l -> l.contains(password));
    assertThat(stdout).noneMatch(l -> l.contains(TOKEN));
  }

  @Test
  void aRedirectedStdoutOrAnotherCiGetsOnlyTheOutputs() {
    for (boolean actions : new boolean[] {true, false}) {
      List<String> stdout = openAndClose("cli-mask-" + (actions ? "2" : "3"), actions, !actions);
      assertThat(stdout).isNotEmpty().noneMatch(l -> l.startsWith("::"));
      assertThat(value(stdout, "PASSWORD")).isNotBlank();
    }
  }
}
