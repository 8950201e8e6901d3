package io.github.planetscaleci.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import io.github.planetscaleci.emulator.faults.FaultAction;
import io.github.planetscaleci.emulator.faults.FaultRule;
import io.github.planetscaleci.emulator.faults.FaultSpec;
import io.github.planetscaleci.emulator.support.Api;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @Test
  void startsWithDatabaseSeedAndFaultsAndPrintsNoSecret(@TempDir Path tmp) throws Exception {
    Path seed = tmp.resolve("seed.sql");
    Files.writeString(seed, "CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (1);");
    CliOptions options =
        CliOptions.parse(
            new String[] {
              "--token",
              "cli-id:cli-secret",
              "--database",
              "shop",
              "--seed",
              seed.toString(),
              "--deploy-step-delay",
              "20ms",
              "--fault",
              "503,times=1,op=get_database"
            });
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PlanetScaleEmulator emu =
        Main.start(options, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      String out = bytes.toString(StandardCharsets.UTF_8);
      assertThat(out).contains(emu.url()).contains("cli-id").doesNotContain("cli-secret");
      Api api = new Api(emu.url(), "cli-id:cli-secret");
      assertThat(api.get("/organizations/acme/databases/shop").status()).isEqualTo(503);
      assertThat(api.get("/organizations/acme/databases/shop").status()).isEqualTo(200);
      assertThat(
              api.get("/organizations/acme/databases/shop/branches/main/schema")
                  .json()
                  .path("data")
                  .findValuesAsText("name"))
          .containsExactly("t");
    }
    assertThat(options.toString()).doesNotContain("cli-secret");
  }

  @Test
  void faultSpecsAndDurations() {
    FaultRule r =
        FaultSpec.parse(
            "429=2,p=0.25,method=POST,path=/organizations/*/databases/*/branches,op=create_branch");
    assertThat(r.action()).isEqualTo(FaultAction.TOO_MANY_REQUESTS);
    assertThat(r.retryAfterSeconds()).isEqualTo(2);
    assertThat(r.probability()).isEqualTo(0.25);
    assertThat(r.matches("POST", "/v1/organizations/a/databases/b/branches", "create_branch"))
        .isTrue();
    assertThat(r.matches("POST", "/v1/organizations/a/databases/b/branches/x", "create_branch"))
        .isFalse();
    assertThat(FaultSpec.parse("drop-after,times=3").times()).isEqualTo(3);
    assertThat(FaultSpec.parse("latency=250ms").latency()).isEqualTo(Duration.ofMillis(250));
    assertThat(FaultSpec.duration("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> FaultSpec.parse("explode")).hasMessageContaining("explode");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("--bogus");
  }

  @Test
  void dataDirHoldsMariaDbWhileRunningAndTokenComesFromTheEnvironment(@TempDir Path tmp)
      throws Exception {
    Path dataDir = tmp.resolve("data");
    String secret = "env-secret-canary-5b81";
    CliOptions options =
        CliOptions.parse(
            new String[] {"--data-dir", dataDir.toString(), "--database", "shop"},
            Map.of(CliOptions.TOKEN_ENV, "env-id:" + secret));
    assertThat(options.toString()).doesNotContain(secret);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PlanetScaleEmulator emu =
        Main.start(options, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("env-id").doesNotContain(secret);
      Api api = new Api(emu.url(), "env-id:" + secret);
      assertThat(api.get("/organizations/acme/databases/shop").status()).isEqualTo(200);
      assertThat(
              api.withAuthorization("emulator:emulator-local-secret")
                  .get("/organizations/acme/databases/shop")
                  .status())
          .as("the default token is off once one is configured; a wrong token gets 404")
          .isEqualTo(404);

      assertThat(emu.instanceDirectory()).isEqualTo(dataDir.toAbsolutePath());
      long mysqld = Long.parseLong(Files.readString(dataDir.resolve("mariadb/mysqld.pid")).trim());
      assertThat(ProcessHandle.of(mysqld).map(ProcessHandle::isAlive)).hasValue(true);
      assertThat(Files.readString(dataDir.resolve("owner.pid")))
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
      PlanetScaleEmulator second = PlanetScaleEmulator.builder().dataDirectory(dataDir).build();
      assertThatThrownBy(second::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is in use by another emulator in this process");
      assertThat(ProcessHandle.of(mysqld).map(ProcessHandle::isAlive)).hasValue(true);
    }
    // Nothing persists between runs: the directory is handed back empty, ready for the next one.
    assertThat(dataDir).isEmptyDirectory();
  }

  @Test
  void environmentVariablesAreDocumentedAndBadValuesAreNotEchoed() {
    assertThat(Main.USAGE)
        .contains(CliOptions.TOKEN_ENV)
        .contains(CliOptions.OAUTH_TOKEN_ENV)
        .contains(CliOptions.MYSQL_PASSWORD_ENV);
    assertThatThrownBy(
            () ->
                CliOptions.parse(
                    new String[0], Map.of(CliOptions.TOKEN_ENV, "no-colon-canary-secret")))
        .hasMessageContaining(CliOptions.TOKEN_ENV)
        .hasMessageNotContaining("canary");
    assertThatThrownBy(() -> CliOptions.parse(new String[] {"--token", "id-only:"}))
        .hasMessageContaining("--token needs ID:SECRET");
  }
}
