package io.github.planetscaleci.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.emulator.mysql.InstanceDirs;
import io.github.planetscaleci.emulator.support.Api;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar} of the shaded jar that {@code mvn package} builds, run as a separate process
 * exactly as the README tells users to; secrets are passed in the environment.
 */
class JarIT {
  private static final Path JAR = Path.of("target", "planetscale-ci-emulator.jar").toAbsolutePath();
  private static final String TOKEN_SECRET = "jar-token-canary-0e6d";
  private static final String MYSQL_PASSWORD = "jar-mysql-canary-77a1";

  private static Process launch(String... args) throws IOException {
    assertThat(JAR).as("the shaded jar built by mvn package").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put(CliOptions.TOKEN_ENV, "jar-id:" + TOKEN_SECRET);
    pb.environment().put(CliOptions.MYSQL_PASSWORD_ENV, MYSQL_PASSWORD);
    return pb.start();
  }

  @Test
  void theJarStartsServesAndRemovesItsMariaDbWhenStopped() throws Exception {
    Process p = launch("--port", "0", "--database", "app");
    StringBuffer output = new StringBuffer();
    CompletableFuture<String> apiUrl = new CompletableFuture<>();
    List<ProcessHandle> children = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  output.append(line).append('\n');
                  if (line.startsWith("PlanetScale emulator API: ")) {
                    apiUrl.complete(line.substring("PlanetScale emulator API: ".length()).trim());
                  }
                }
              } catch (IOException e) {
                // The process is gone; what was read is in output.
              }
              apiUrl.completeExceptionally(new AssertionError("exited early:\n" + output));
            });
    reader.start();
    try {
      String url = apiUrl.get(180, TimeUnit.SECONDS);
      children.addAll(p.descendants().toList());
      assertThat(children).anyMatch(c -> c.info().command().orElse("").endsWith("/mariadbd"));

      Api.Reply db =
          new Api(url, "jar-id:" + TOKEN_SECRET).get("/organizations/acme/databases/app");
      assertThat(db.status()).isEqualTo(200);
      assertThat(db.json().path("name").asText()).isEqualTo("app");

      p.destroy(); // SIGTERM, as Ctrl-C or a CI runner's stop would send
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      reader.join(10_000);
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
      try (Stream<Path> left = Files.list(InstanceDirs.baseDir())) {
        assertThat(left)
            .noneMatch(d -> d.getFileName().toString().startsWith("run-" + p.pid() + "-"));
      }
      assertThat(output.toString())
          .contains("Service token id: jar-id")
          .doesNotContain(TOKEN_SECRET)
          .doesNotContain(MYSQL_PASSWORD);
    } finally {
      p.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void helpNamesTheEnvironmentVariablesAndShowsNoValueFromThem() throws Exception {
    Process p = launch("--help");
    try {
      String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      assertThat(help)
          .contains("--mysql-password", "PLANETSCALE_EMULATOR_MYSQL_PASSWORD")
          .contains("--token", "PLANETSCALE_EMULATOR_TOKEN")
          .doesNotContain(TOKEN_SECRET)
          .doesNotContain(MYSQL_PASSWORD);
    } finally {
      p.destroyForcibly();
    }
  }
}
