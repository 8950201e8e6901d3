package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.planetscaleci.action.cli.Cli;
import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.CloseOptions;
import io.github.planetscaleci.core.workflow.CloseOutcome;
import io.github.planetscaleci.core.workflow.OpenBranchRequest;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import io.github.planetscaleci.core.workflow.Workflows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in API of the CDS training runs (image/TrainingApi.java, started exactly as
 * build-runtime.sh starts it) answers like the real API: every field and JSON type of the
 * emulator's answers, which SpecConformanceTest holds to PlanetScale's OpenAPI spec, and core's own
 * client parses it through a whole open and close. The training runs print no secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingApiTest {
  private static final String TOKEN_ID = "training-id";
  private static final String CANARY = "pscale_tkn_CANARY_training_7f3a9c";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Process stub;
  private String stubUrl;

  @RegisterExtension
  static final EmulatorFixture emulator =
      EmulatorFixture.serviceToken("emu", "emu-secret")
          .database("CREATE TABLE t (id BIGINT PRIMARY KEY);");

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;

  @BeforeAll
  void start() throws Exception {
    Path portFile = Files.createTempFile("training-api", ".port");
    Files.delete(portFile);
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("image", "TrainingApi.java").toString(),
                portFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("TRAINING_AUTHORIZATION", TOKEN_ID + ":" + CANARY);
    stub = pb.start();
    // The source launcher compiles first: allow for a slow, shared machine.
    for (int i = 0;
        i < 1200 && (!Files.isRegularFile(portFile) || Files.size(portFile) == 0);
        i++) {
      assertThat(stub.isAlive()).as("TrainingApi exited early").isTrue();
      Thread.sleep(50);
    }
    stubUrl = "http://127.0.0.1:" + Files.readString(portFile).trim() + "/v1";
    Files.delete(portFile);
  }

  @AfterAll
  void stop() throws Exception {
    if (stub != null) {
      stub.destroy();
    }
  }

  @Test
  void answersCarryEveryFieldAndTypeOfTheEmulatorsSpecCheckedAnswers() throws Exception {
    String db = "/organizations/acme/databases/shop";
    List<String[]> calls =
        List.of(
            new String[] {"GET", db, null},
            new String[] {"GET", db + "/branches/shape", null},
            new String[] {
              "POST", db + "/branches", "{\"name\":\"shape\",\"parent_branch\":\"main\"}"
            },
            new String[] {"GET", db + "/branches/shape", null},
            new String[] {
              "POST", db + "/branches/shape/passwords", "{\"name\":\"p\",\"role\":\"admin\"}"
            },
            new String[] {"GET", db + "/branches/shape/passwords", null},
            new String[] {"GET", db + "/branches", null},
            new String[] {"GET", db + "/deploy-requests?state=open", null},
            new String[] {"DELETE", db + "/branches/shape", null},
            new String[] {"GET", db + "/branches/shape", null});
    List<String> compared = new ArrayList<>();
    for (String[] c : calls) {
      HttpResponse<String> real = send(emulator.url(), "emu:emu-secret", c);
      if (c[0].equals("POST") && c[1].endsWith("/branches")) {
        awaitReady(db); // so the password call below finds a ready branch, as core would
      }
      HttpResponse<String> fake = send(stubUrl, TOKEN_ID + ":" + CANARY, c);
      String what = c[0] + " " + c[1];
      assertThat(fake.statusCode()).as(what).isEqualTo(real.statusCode());
      if (!real.body().isEmpty()) {
        List<String> gaps = new ArrayList<>();
        compare("", JSON.readTree(real.body()), JSON.readTree(fake.body()), gaps);
        assertThat(gaps).as("%s: the stand-in's answer %s", what, fake.body()).isEmpty();
        compared.add(what);
      }
    }
    assertThat(compared).hasSize(calls.size() - 1); // all but the DELETE's empty 204
    String[] refused = {"GET", db, null};
    HttpResponse<String> fake = send(stubUrl, null, refused);
    HttpResponse<String> real = send(emulator.url(), null, refused);
    assertThat(fake.statusCode()).isEqualTo(real.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(fake.body()).fieldNames())
        .toIterable()
        .containsExactlyElementsOf(() -> readTree(real.body()).fieldNames());
  }

  @Test
  void theComparisonReallyFindsAMissingFieldOrAWrongType() throws Exception {
    JsonNode branch = JSON.readTree("{\"name\":\"a\",\"ready\":true,\"region\":{\"slug\":\"x\"}}");
    List<String> gaps = new ArrayList<>();
    compare("", branch, JSON.readTree("{\"name\":\"a\",\"ready\":\"yes\",\"region\":{}}"), gaps);
    assertThat(gaps).containsExactly("ready: BOOLEAN expected, got STRING", "region.slug: missing");
  }

  @Test
  void coresClientOpensAndClosesABranchOnIt() {
    ClientSettings settings =
        ClientSettings.builder(new Credentials.ServiceToken(TOKEN_ID, CANARY))
            .baseUrl(stubUrl)
            .build();
    try (PlanetScaleClient client = PlanetScaleClient.create(settings)) {
      Workflows workflows = new Workflows(client, event -> {});
      OpenedBranch opened =
          workflows.openBranch(OpenBranchRequest.of(new DatabaseRef("acme", "shop"), "ci-core"));
      assertThat(opened.created()).isTrue();
      assertThat(opened.branch().ready()).isTrue();
      assertThat(opened.connection().host()).isEqualTo("aws.connect.psdb.cloud");
      assertThat(opened.connection().port()).isEqualTo(3306);
      assertThat(opened.connection().tls()).isTrue();
      assertThat(opened.connection().password()).startsWith("pscale_pw_");
      assertThat(opened.lease().passwordIds()).hasSize(1);
      CloseOutcome closed = workflows.closeBranch(opened.lease(), CloseOptions.defaults());
      assertThat(closed.branchDeleted()).isTrue();
      assertThat(closed.passwordsDeleted()).isEqualTo(1);
    }
  }

  @Test
  void theTrainingRunsPrintNeitherTheTokenNorThePassword() {
    RunnerHarness job =
        new RunnerHarness(dir.resolve("job"))
            .event("pull_request", "pull_request_opened.json")
            .input("organization", "training")
            .input("database", "training")
            .input("service-token-id", TOKEN_ID)
            .input("service-token", CANARY)
            .input("api-url", stubUrl);
    RunnerHarness.Step main = job.main();
    assertThat(main.exitCode()).as(main.stdout()).isZero();
    String password = main.outputs().get("password");
    assertThat(password).startsWith("pscale_pw_");
    RunnerHarness.Step post = job.post();
    assertThat(post.exitCode()).as(post.stdout()).isZero();
    assertThat(post.stdout()).contains("deleted branch");
    for (RunnerHarness.Step step : List.of(main, post)) {
      // Only the runner's mask commands may carry them; the runner consumes those lines.
      String printed = withoutMaskCommands(step.stdout() + step.stderr());
      assertThat(printed).doesNotContain(CANARY, password);
      assertThat(String.join("\n", step.visibleLog())).doesNotContain(CANARY, password);
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env =
        Map.of(
            "PLANETSCALE_ORG", "training",
            "PLANETSCALE_SERVICE_TOKEN_ID", TOKEN_ID,
            "PLANETSCALE_SERVICE_TOKEN", CANARY,
            "PLANETSCALE_API_URL", stubUrl,
            "HOME", dir.resolve("cli-home").toString());
    int code =
        new Cli(env, stream(out), stream(err))
            .run("open-branch", "--database", "training", "--branch", "ci-cli");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String outputs = out.toString(StandardCharsets.UTF_8);
    assertThat(outputs).contains("PASSWORD=pscale_pw_").doesNotContain(CANARY);
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(log).doesNotContain(CANARY).doesNotContain("pscale_pw_");
  }

  /** Every field of {@code real} must be in {@code fake} with the same JSON type (null aside). */
  static void compare(String path, JsonNode real, JsonNode fake, List<String> gaps) {
    if (real.isNull() || fake.isNull()) {
      return; // the spec marks these fields nullable; the emulator fills some the real API leaves
    }
    if (real.getNodeType() != fake.getNodeType()) {
      gaps.add(path + ": " + real.getNodeType() + " expected, got " + fake.getNodeType());
      return;
    }
    if (real.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = real.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
        if (!fake.has(f.getKey())) {
          gaps.add(at + ": missing");
        } else {
          compare(at, f.getValue(), fake.get(f.getKey()), gaps);
        }
      }
    } else if (real.isArray() && real.size() > 0 && fake.size() > 0) {
      compare(path + "[0]", real.get(0), fake.get(0), gaps);
    }
  }

  private void awaitReady(String db) throws Exception {
    String[] get = {"GET", db + "/branches/shape", null};
    for (int i = 0; i < 200; i++) {
      if (readTree(send(emulator.url(), "emu:emu-secret", get).body()).path("ready").asBoolean()) {
        return;
      }
      Thread.sleep(25);
    }
  }

  private HttpResponse<String> send(String base, String auth, String[] call) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call[1]));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (call[2] != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        call[0],
        call[2] == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call[2]));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode readTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String withoutMaskCommands(String log) {
    StringBuilder kept = new StringBuilder();
    for (String line : log.split("\n", -1)) {
      if (!line.startsWith("::add-mask::")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  private static PrintStream stream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
