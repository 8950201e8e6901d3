package io.github.planetscaleci.jenkins;

import hudson.model.TaskListener;
import hudson.util.StreamTaskListener;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One emulator (an embedded MariaDB costs seconds to start) for every test class of this module;
 * each class uses its own database so counts stay independent.
 */
final class SharedEmulator {
  static final String ORG = "acme";
  static final String CREDENTIALS_ID = "planetscale";
  static final String TOKEN_ID = "jenkins-token-id";

  /** A canary: must never appear in any log. */
  static final String TOKEN_SECRET = "canary-token-5ecr3t-a1b2c3";

  static final String SEED =
      "CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " email VARCHAR(255) NOT NULL);"
          + "INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');";

  private static PlanetScaleEmulator emulator;

  private SharedEmulator() {}

  static synchronized PlanetScaleEmulator get() {
    if (emulator == null) {
      emulator =
          PlanetScaleEmulator.builder()
              .serviceToken(TOKEN_ID, TOKEN_SECRET)
              .provisioningDelay(Duration.ZERO)
              .deployStepDelay(Duration.ofMillis(20))
              .build()
              .start();
      PlanetScaleEmulator e = emulator;
      Runtime.getRuntime().addShutdownHook(new Thread(e::close));
    }
    return emulator;
  }

  /** A host whose credentials reach the emulator, with the emulator as the default API URL. */
  static FakeHost host() {
    FakeHost h = new FakeHost().token(CREDENTIALS_ID, TOKEN_ID, TOKEN_SECRET);
    h.defaults = new Host.Defaults(ORG, CREDENTIALS_ID, get().url());
    return h;
  }

  /** Deletes {@code branch} through the API, as someone outside the build would. */
  static void deleteBranch(String database, String branch) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(
                    get().url()
                        + "/organizations/"
                        + ORG
                        + "/databases/"
                        + database
                        + "/branches/"
                        + branch))
            .header("Authorization", TOKEN_ID + ":" + TOKEN_SECRET)
            .DELETE()
            .build();
    int status =
        HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 204) {
      throw new AssertionError("deleting branch " + branch + " answered " + status);
    }
  }

  /** A build log and the bytes written to it. */
  static final class Log {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final TaskListener listener = new StreamTaskListener(bytes, StandardCharsets.UTF_8);

    String text() {
      listener.getLogger().flush();
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** A step context for {@code run} writing to {@code log}. */
  static FakeStepContext context(FakeStepContext.Body body, Object run, Log log) {
    return new FakeStepContext(body, List.of(run, log.listener));
  }
}
