package io.github.planetscaleci.emulator.cli;

import io.github.planetscaleci.emulator.Defaults;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import io.github.planetscaleci.emulator.faults.FaultSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar planetscale-ci-emulator.jar [options]}: runs the emulator until stopped. */
public final class Main {
  static final String USAGE =
      """
      Usage: java -jar planetscale-ci-emulator.jar [options]

        --port N                 HTTP port (default 0: a free port)
        --data-dir DIR           directory for MariaDB's files while running, instead of a temporary
                                 one; emptied again on exit (nothing persists between runs)
        --mysql-url URL          use this MySQL/MariaDB server instead of the embedded one
        --mysql-user USER        ... its admin user (default root)
        --mysql-password PASS    ... its admin password; prefer PLANETSCALE_EMULATOR_MYSQL_PASSWORD
        --token ID:SECRET        accepted service token (repeatable; default emulator:emulator-local-secret);
                                 prefer PLANETSCALE_EMULATOR_TOKEN
        --oauth-token TOKEN      accepted OAuth bearer token (repeatable); prefer PLANETSCALE_EMULATOR_OAUTH_TOKEN
        --org ORG                organization of --database (default: acme)
        --database NAME          create this database at start (default branch main)
        --seed FILE.sql          SQL script run on the new database's main branch
        --provisioning-delay D   time until a new branch is ready after its clone (default 0s)
        --deploy-step-delay D    time each deploy state takes (default 100ms)
        --revert-window D        complete_pending_revert -> complete (default 30m)
        --fault SPEC             inject faults (repeatable), e.g. 429=1,p=0.1,op=create_branch
                                 actions: latency=200ms 429[=retryAfterSeconds] 500 503 drop-before drop-after
                                 options: p=0.2 times=3 method=POST path=/organizations/*/databases/* op=NAME
        --fault-seed N           seed for probabilistic faults
        --help                   this text

      Environment (secrets belong here: every local user can read a command line with ps):
        PLANETSCALE_EMULATOR_TOKEN           ID:SECRET[,ID:SECRET...], accepted as well as any --token
        PLANETSCALE_EMULATOR_OAUTH_TOKEN     TOKEN[,TOKEN...], accepted as well as any --oauth-token
        PLANETSCALE_EMULATOR_MYSQL_PASSWORD  admin password for --mysql-url (--mysql-password wins)
        PLANETSCALE_EMULATOR_CACHE_DIR       where the MariaDB binaries are unpacked once
                                             (default $XDG_CACHE_HOME or ~/.cache, then planetscale-ci)

      Durations: 250ms, 2s, 30m, 1h.
      """;

  private Main() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.log.ch.vorburger", "warn");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    CliOptions options;
    try {
      options = CliOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(USAGE);
      return;
    }
    PlanetScaleEmulator emulator;
    try {
      emulator = start(options, System.out);
    } catch (IllegalArgumentException
        | IllegalStateException
        | IOException
        | UncheckedIOException e) {
      // Refused directories, a busy data directory, an unreachable server: the message says why.
      System.err.println("error: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
    forever.await();
  }

  static PlanetScaleEmulator start(CliOptions options, PrintStream out) throws IOException {
    long t0 = System.nanoTime();
    PlanetScaleEmulator emulator = options.builder().build().start();
    options.faults().forEach(f -> emulator.faults().add(FaultSpec.parse(f)));
    if (options.faultSeed() != null) {
      emulator.faults().seed(options.faultSeed());
    }
    if (options.database() != null) {
      String seed = options.seed() == null ? null : Files.readString(Path.of(options.seed()));
      emulator.createDatabase(options.org(), options.database(), seed);
    }
    out.println("PlanetScale emulator API: " + emulator.url());
    out.println(
        "Service token id: "
            + (options.tokenIds().isEmpty()
                ? Defaults.TOKEN_ID
                : String.join(", ", options.tokenIds())));
    out.println("MySQL for branch passwords: " + emulator.mysqlHost() + ":" + emulator.mysqlPort());
    if (options.database() != null) {
      out.println(
          "Database: " + options.org() + "/" + options.database() + " (default branch main)");
    }
    out.printf("Started in %d ms; stop with Ctrl-C.%n", (System.nanoTime() - t0) / 1_000_000);
    return emulator;
  }
}
