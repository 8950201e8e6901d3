package io.github.planetscaleci.emulator.cli;

import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import io.github.planetscaleci.emulator.faults.FaultSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parsed command line; secrets in it never appear in {@link #toString()}. */
record CliOptions(
    boolean help,
    PlanetScaleEmulator.Builder builder,
    List<String> tokenIds,
    String org,
    String database,
    String seed,
    List<String> faults,
    Long faultSeed) {

  static CliOptions parse(String[] args) {
    PlanetScaleEmulator.Builder b = PlanetScaleEmulator.builder();
    List<String> tokenIds = new ArrayList<>();
    List<String> faults = new ArrayList<>();
    String org = "acme";
    String database = null;
    String seed = null;
    Long faultSeed = null;
    String mysqlUrl = null;
    String mysqlUser = "root";
    String mysqlPassword = "";
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        help = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Missing value for " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--port" -> b.port(Integer.parseInt(v));
        case "--data-dir" -> b.dataDirectory(Path.of(v));
        case "--mysql-url" -> mysqlUrl = v;
        case "--mysql-user" -> mysqlUser = v;
        case "--mysql-password" -> mysqlPassword = v;
        case "--token" -> {
          int colon = v.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("--token needs ID:SECRET");
          }
          tokenIds.add(v.substring(0, colon));
          b.serviceToken(v.substring(0, colon), v.substring(colon + 1));
        }
        case "--oauth-token" -> b.oauthToken(v);
        case "--org" -> org = v;
        case "--database" -> database = v;
        case "--seed" -> seed = v;
        case "--provisioning-delay" -> b.provisioningDelay(FaultSpec.duration(v));
        case "--deploy-step-delay" -> b.deployStepDelay(FaultSpec.duration(v));
        case "--revert-window" -> b.revertWindow(FaultSpec.duration(v));
        case "--fault" -> {
          FaultSpec.parse(v);
          faults.add(v);
        }
        case "--fault-seed" -> faultSeed = Long.parseLong(v);
        default -> throw new IllegalArgumentException("Unknown option " + a);
      }
    }
    if (mysqlUrl != null) {
      b.externalMysql(mysqlUrl, mysqlUser, mysqlPassword);
    }
    return new CliOptions(help, b, tokenIds, org, database, seed, faults, faultSeed);
  }

  @Override
  public String toString() {
    return "CliOptions[tokens="
        + tokenIds
        + ", database="
        + org
        + "/"
        + database
        + ", faults="
        + faults
        + "]";
  }
}
