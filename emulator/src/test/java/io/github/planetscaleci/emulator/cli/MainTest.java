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
}
