package io.github.planetscaleci.demo;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.Workflows;
import io.github.planetscaleci.emulator.EmulatorStats;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The embedded emulator with a seeded production database, and a core client pointed at it exactly
 * as a wrapper would point one at PlanetScale.
 */
final class DemoEnvironment implements AutoCloseable {
  static final DatabaseRef DATABASE = new DatabaseRef("demo-org", "shop");

  private final PlanetScaleEmulator emulator;
  private final PlanetScaleClient client;
  private final Workflows workflows;

  private DemoEnvironment(PlanetScaleEmulator emulator, PlanetScaleClient client, ConsoleLog log) {
    this.emulator = emulator;
    this.client = client;
    this.workflows = new Workflows(client, log);
  }

  static DemoEnvironment start(ConsoleLog log) throws IOException {
    log.step("Start the embedded PlanetScale emulator (real MariaDB underneath)");
    String tokenId = "demo-token";
    String secret = "pscale_tkn_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    log.secret(secret);
    PlanetScaleEmulator emulator =
        PlanetScaleEmulator.builder()
            .serviceToken(tokenId, secret)
            .provisioningDelay(Duration.ofMillis(1500))
            .deployStepDelay(Duration.ofMillis(300))
            .build();
    try {
      emulator.start();
      emulator.createDatabase(DATABASE.organization(), DATABASE.database(), seedSql());
      log.say("API " + emulator.url() + ", database " + DATABASE + " with default branch main");
      ClientSettings settings =
          ClientSettings.builder(new Credentials.ServiceToken(tokenId, secret))
              .baseUrl(emulator.url())
              .userAgentSuffix("demo")
              .build();
      return new DemoEnvironment(emulator, PlanetScaleClient.create(settings), log);
    } catch (RuntimeException | IOException e) {
      emulator.close();
      throw e;
    }
  }

  private static String seedSql() throws IOException {
    try (InputStream in = DemoEnvironment.class.getResourceAsStream("/demo-seed.sql")) {
      if (in == null) {
        throw new IOException("demo-seed.sql is missing from the demo jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  Workflows workflows() {
    return workflows;
  }

  /** An administrator's connection to a branch's schema, to show what reached it. */
  Connection adminConnection(String branch) throws SQLException {
    return DriverManager.getConnection(
        emulator.adminJdbcUrl(DATABASE.organization(), DATABASE.database(), branch),
        emulator.adminUser(),
        emulator.adminPassword());
  }

  EmulatorStats stats() {
    return emulator.stats();
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      emulator.close();
    }
  }
}
