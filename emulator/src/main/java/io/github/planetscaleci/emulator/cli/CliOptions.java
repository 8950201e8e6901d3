package io.github.planetscaleci.emulator.cli;

import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import io.github.planetscaleci.emulator.faults.FaultSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parsed command line and environment; secrets in it never appear in {@link #toString()}. Secrets
 * are better passed in the environment: every local user can read a process's arguments ({@code
 * ps}), but only its owner (and root) can read its environment.
 */
record CliOptions(
    boolean help,
    PlanetScaleEmulator.Builder builder,
    List<String> tokenIds,
    String org,
    String database,
    String seed,
    List<String> faults,
    Long faultSeed) {

  static final String TOKEN_ENV = "PLANETSCALE_EMULATOR_TOKEN";
  static final String OAUTH_TOKEN_ENV = "PLANETSCALE_EMULATOR_OAUTH_TOKEN";
  static final String MYSQL_PASSWORD_ENV = "PLANETSCALE_EMULATOR_MYSQL_PASSWORD";

  /** Parses arguments alone, as if the environment held none of the emulator's variables. */
  static CliOptions parse(String[] args) {
    return parse(args, Map.of());
  }

  /** Parses arguments and the emulator's environment variables; an option beats its variable. */
  static CliOptions parse(String[] args, Map<String, String> env) {
    PlanetScaleEmulator.Builder b = PlanetScaleEmulator.builder();
    List<String> tokenIds = new ArrayList<>();
    for (String token : list(env.get(TOKEN_ENV))) {
      tokenIds.add(serviceToken(b, token, TOKEN_ENV + " needs ID:SECRET[,ID:SECRET...]"));
    }
    list(env.get(OAUTH_TOKEN_ENV)).forEach(b::oauthToken);
    List<String> faults = new ArrayList<>();
    String org = "acme";
    String database = null;
    String seed = null;
    Long faultSeed = null;
    String mysqlUrl = null;
    String mysqlUser = "root";
    String mysqlPassword = env.getOrDefault(MYSQL_PASSWORD_ENV, "");
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
        case "--token" -> tokenIds.add(serviceToken(b, v, "--token needs ID:SECRET"));
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

  /** Adds {@code ID:SECRET} to the builder and returns the id; the error never shows the value. */
  private static String serviceToken(PlanetScaleEmulator.Builder b, String token, String error) {
    int colon = token.indexOf(':');
    if (colon <= 0 || colon == token.length() - 1) {
      throw new IllegalArgumentException(error);
    }
    b.serviceToken(token.substring(0, colon), token.substring(colon + 1));
    return token.substring(0, colon);
  }

  private static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
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
