package io.github.planetscaleci.emulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One emulator per test class (MariaDB costs seconds to start), with helpers for common steps. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EmulatorTestBase {
  public static final String TOKEN = "tok-id:tok-secret";
  public static final String SEED =
      "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL);"
          + "INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com'), ('c@example.com');";
  protected PlanetScaleEmulator emu;
  protected Api api;

  protected PlanetScaleEmulator.Builder configure(PlanetScaleEmulator.Builder builder) {
    return builder;
  }

  @BeforeAll
  void startEmulator() {
    emu =
        configure(
                PlanetScaleEmulator.builder()
                    .serviceToken("tok-id", "tok-secret")
                    .deployStepDelay(Duration.ofMillis(30)))
            .build()
            .start();
    api = new Api(emu.url(), TOKEN);
  }

  @AfterAll
  void stopEmulator() {
    if (emu != null) {
      emu.close();
    }
  }

  protected static String db(String org, String database) {
    return "/organizations/" + org + "/databases/" + database;
  }

  /** Creates a branch and waits until it is ready. */
  protected JsonNode readyBranch(String org, String database, String name, String extraJson) {
    Api.Reply created =
        api.post(
            db(org, database) + "/branches",
            "{\"name\":\"" + name + "\"" + (extraJson == null ? "" : "," + extraJson) + "}");
    if (created.status() != 201) {
      throw new AssertionError("create branch failed: " + created.status() + " " + created.json());
    }
    return Await.until(
        () -> api.get(db(org, database) + "/branches/" + name).json(),
        j -> j.path("ready").asBoolean(),
        Duration.ofSeconds(60),
        "branch " + name + " ready");
  }

  /** Polls a deploy request until its deployment_state is one of the given states. */
  protected JsonNode awaitDeployState(String org, String database, int number, String... states) {
    java.util.List<String> wanted = java.util.List.of(states);
    return Await.until(
        () -> api.get(db(org, database) + "/deploy-requests/" + number).json(),
        j -> wanted.contains(j.path("deployment_state").asText()),
        Duration.ofSeconds(60),
        "deploy request " + number + " in " + wanted);
  }
}
