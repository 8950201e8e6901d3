package io.github.planetscaleci.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.emulator.faults.FaultAction;
import io.github.planetscaleci.emulator.faults.FaultRule;
import io.github.planetscaleci.emulator.support.Api;
import io.github.planetscaleci.emulator.support.EmulatorTestBase;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultsTest extends EmulatorTestBase {
  private static final String BRANCHES = db("acme", "app") + "/branches";

  @BeforeAll
  void seed() {
    emu.createDatabase("acme", "app", SEED);
  }

  @AfterEach
  void clear() {
    emu.faults().clear();
  }

  @Test
  void tooManyRequestsWithRetryAfterForTheNextRequestOnly() {
    emu.faults()
        .add(
            FaultRule.of(FaultAction.TOO_MANY_REQUESTS)
                .operation("create_branch")
                .retryAfterSeconds(2)
                .times(1)
                .build());
    Api.Reply limited = api.post(BRANCHES, "{\"name\":\"rl\"}");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("2");
    assertThat(api.get(BRANCHES + "/rl").status()).isEqualTo(404);
    assertThat(api.post(BRANCHES, "{\"name\":\"rl\"}").status()).isEqualTo(201);
  }

  @Test
  void tooManyRequestsWithoutRetryAfter() {
    emu.faults().add(FaultRule.of(FaultAction.TOO_MANY_REQUESTS).times(1).build());
    Api.Reply limited = api.get("/organizations");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNull();
  }

  @Test
  void serviceUnavailableAndInternalErrorByPathGlob() {
    emu.faults()
        .add(
            FaultRule.of(FaultAction.SERVICE_UNAVAILABLE)
                .method("GET")
                .path("/organizations/*/databases/*")
                .times(1)
                .build())
        .add(
            FaultRule.of(FaultAction.INTERNAL_ERROR)
                .path("/v1/organizations/**/branches/main")
                .times(1)
                .build());
    Api.Reply unavailable = api.get(db("acme", "app"));
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.json().path("code").asText()).isEqualTo("service_unavailable");
    assertThat(api.get(db("acme", "app")).status()).isEqualTo(200);
    assertThat(api.get(BRANCHES + "/main").status()).isEqualTo(500);
    assertThat(api.get(BRANCHES + "/main").status()).isEqualTo(200);
  }

  @Test
  void dropBeforeActingLeavesNothingBehind() {
    emu.faults()
        .add(FaultRule.of(FaultAction.DROP_BEFORE).operation("create_branch").times(1).build());
    assertThatThrownBy(() -> api.post(BRANCHES, "{\"name\":\"dropped-before\"}"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(api.get(BRANCHES + "/dropped-before").status()).isEqualTo(404);
  }

  @Test
  void dropAfterActingLeavesTheResourceForTheRetryToFind() {
    emu.faults()
        .add(FaultRule.of(FaultAction.DROP_AFTER).operation("create_branch").times(1).build());
    assertThatThrownBy(() -> api.post(BRANCHES, "{\"name\":\"dropped-after\"}"))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(api.get(BRANCHES + "/dropped-after").status()).isEqualTo(200);
    assertThat(api.post(BRANCHES, "{\"name\":\"dropped-after\"}").status()).isEqualTo(422);
  }

  @Test
  void seededProbabilityIsReproducible() {
    int first = failuresWithSeed(7);
    int second = failuresWithSeed(7);
    assertThat(first).isEqualTo(second).isBetween(1, 39);
  }

  @Test
  void latencyStillAnswers() {
    emu.faults()
        .add(FaultRule.of(FaultAction.LATENCY).latency(Duration.ofMillis(50)).times(1).build());
    assertThat(api.get("/organizations").status()).isEqualTo(200);
  }

  private int failuresWithSeed(long seed) {
    emu.faults()
        .clear()
        .seed(seed)
        .add(
            FaultRule.of(FaultAction.SERVICE_UNAVAILABLE)
                .operation("list_organizations")
                .probability(0.5)
                .build());
    int failures = 0;
    for (int i = 0; i < 40; i++) {
      if (api.get("/organizations").status() == 503) {
        failures++;
      }
    }
    return failures;
  }
}
