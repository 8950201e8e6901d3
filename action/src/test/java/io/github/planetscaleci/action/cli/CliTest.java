package io.github.planetscaleci.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.action.Main;
import io.github.planetscaleci.action.command.Output;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return Main.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void versionAndHelp() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(stdout()).matches("planetscale-ci-action \\S+\\n");
    out.reset();
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(stdout()).contains("open-branch", "close-branch", "deploy-request", "sweep");
    out.reset();
    assertThat(run(Map.of(), "open-branch", "--help")).isZero();
    assertThat(stdout())
        .contains("--parent-branch", "--password-ttl", "DATABASE_URL")
        .doesNotContain("--github-token", "--into");
    out.reset();
    assertThat(run(Map.of(), "close-branch", "--help")).isZero();
    assertThat(stdout()).contains("--force", "Outputs (stdout): BRANCH\n", "only with --force");
    out.reset();
    assertThat(run(Map.of(), "sweep", "--help")).isZero();
    assertThat(stdout())
        .contains("--close-stale-requests", "Outputs (stdout): CLOSED_REQUESTS\n")
        .doesNotContain("--force", "--branch");
  }

  @Test
  void unknownAndMisplacedOptionsAreRejected() {
    assertThat(run(Map.of(), "open-branch", "--databse", "app")).isEqualTo(2);
    assertThat(stderr()).contains("unknown option --databse for open-branch");
    err.reset();
    assertThat(run(Map.of(), "open-branch", "--into", "main")).isEqualTo(2);
    assertThat(stderr()).contains("option --into does not apply to open-branch");
    err.reset();
    assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
    assertThat(stderr()).contains("unknown command 'frobnicate'");
    err.reset();
    assertThat(run(Map.of(), "open-branch", "--database")).isEqualTo(2);
    assertThat(stderr()).contains("option --database needs a value");
  }

  @Test
  void badValuesAndMissingCredentialsFailBeforeAnyRequest() {
    assertThat(run(Map.of(), "open-branch", "--database", "app", "--wait-timeout", "forever"))
        .isEqualTo(2);
    assertThat(stderr()).contains("--wait-timeout must be a positive duration");
    err.reset();
    assertThat(run(Map.of("PLANETSCALE_ORG", "acme"), "sweep", "--database", "app")).isEqualTo(2);
    assertThat(stderr())
        .contains("missing --service-token-id (or the PLANETSCALE_SERVICE_TOKEN_ID environment");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void argumentsParseInBothFormsAndBareFlagsMeanTrue() {
    CliArguments a =
        CliArguments.parse(
            "open-branch",
            "--database=app",
            "--keep-branch",
            "--seed-data",
            "false",
            "--format",
            "json");
    assertThat(a.values().values()).containsExactly("app", "false", "true");
    assertThat(a.format()).isEqualTo(OutputFormat.JSON);
  }

  @Test
  void dotenvQuotesOnlyWhatNeedsIt() {
    Map<Output, String> outputs = new EnumMap<>(Output.class);
    outputs.put(Output.BRANCH, "pr-12-1-1");
    outputs.put(Output.PASSWORD, "it's $x");
    outputs.put(Output.DATABASE_URL, "mysql://u:p@h:3306/db?sslaccept=strict&x=1");
    assertThat(OutputFormat.render(OutputFormat.DOTENV, outputs))
        .isEqualTo(
            "BRANCH=pr-12-1-1\nPASSWORD='it'\\''s $x'\n"
                + "DATABASE_URL='mysql://u:p@h:3306/db?sslaccept=strict&x=1'\n");
    assertThat(OutputFormat.render(OutputFormat.JSON, outputs))
        .isEqualTo(
            "{\"branch\":\"pr-12-1-1\",\"password\":\"it's $x\","
                + "\"database_url\":\"mysql://u:p@h:3306/db?sslaccept=strict&x=1\"}\n");
  }

  @Test
  void withoutArgumentsOutsideActionsItPrintsUsage() {
    assertThat(run(Map.of("GITHUB_ACTIONS", "true"))).isZero();
    assertThat(stdout()).startsWith("Usage: planetscale-ci <command>");
  }
}
