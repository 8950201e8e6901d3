package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.planetscaleci.action.command.Option;
import io.github.planetscaleci.action.command.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** action.yml, the README tables, the image scripts and the examples agree with the code. */
class ActionMetadataTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final JsonNode action = read(Path.of("action.yml"));

  private static JsonNode read(Path p) {
    try {
      return YAML.readTree(p.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void inputsAreExactlyTheOptionTableWithItsDescriptionsAndDefaults() {
    List<String> names = new ArrayList<>();
    action.path("inputs").fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyElementsOf(Arrays.stream(Option.values()).map(Option::id).toList());
    for (Option o : Option.values()) {
      JsonNode in = action.path("inputs").path(o.id());
      assertThat(in.path("description").asText()).as(o.id()).isEqualTo(o.description());
      assertThat(in.path("default").asText()).as(o.id()).isEqualTo(o.actionDefault());
      // The runner never enforces `required`; we validate in Java and say so.
      assertThat(in.path("required").asBoolean(true)).as(o.id()).isFalse();
    }
  }

  @Test
  void outputsAreExactlyTheOutputTable() {
    List<String> names = new ArrayList<>();
    action.path("outputs").fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyElementsOf(Arrays.stream(Output.values()).map(Output::id).toList());
    for (Output o : Output.values()) {
      assertThat(action.path("outputs").path(o.id()).path("description").asText())
          .isEqualTo(o.description());
    }
  }

  @Test
  void runsAPinnedPrebuiltImageWithACleanupPostStep() {
    JsonNode runs = action.path("runs");
    assertThat(runs.path("using").asText()).isEqualTo("docker");
    String version = Version.get().replace("-SNAPSHOT", "");
    assertThat(runs.path("image").asText()).startsWith("docker://ghcr.io/").endsWith(":" + version);
    assertThat(runs.path("post-if").asText()).isEqualTo("always()");
    assertThat(runs.has("args")).as("args would be appended to the post step too").isFalse();
    for (String key : new String[] {"entrypoint", "post-entrypoint"}) {
      String script = runs.path(key).asText();
      assertThat(script).startsWith("/app/bin/");
      Path local = Path.of("image/bin").resolve(Path.of(script).getFileName());
      assertThat(local).as(key).isRegularFile();
    }
  }

  @Test
  void releaseScriptRewritesOnlyTheImageLine(@TempDir Path tmp) throws Exception {
    assertThat(Files.readString(Path.of("action.yml"))).contains("action/image/release.sh");
    Path copy = tmp.resolve("action.yml");
    Files.copy(Path.of("action.yml"), copy);
    List<String> before = Files.readAllLines(copy);

    Process ok = release(copy, "ghcr.io/acme/planetscale-ci-action", "1.2.3");
    assertThat(ok.exitValue()).as(output(ok)).isZero();
    List<String> after = Files.readAllLines(copy);
    assertThat(read(copy).path("runs").path("image").asText())
        .isEqualTo("docker://ghcr.io/acme/planetscale-ci-action:1.2.3");
    assertThat(after).hasSameSizeAs(before);
    int changed = 0;
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed++;
        assertThat(before.get(i)).startsWith("  image: docker://");
      }
    }
    assertThat(changed).isEqualTo(1);

    // A mutable tag or a malformed image is refused, and the file is left as it was.
    Process latest = release(copy, "ghcr.io/acme/planetscale-ci-action", "latest");
    assertThat(latest.exitValue()).isNotZero();
    assertThat(output(latest)).contains("refusing the tag 'latest'");
    Process scheme = release(copy, "docker://ghcr.io/acme/x", "1.2.4");
    assertThat(scheme.exitValue()).isNotZero();
    assertThat(output(scheme)).contains("is not an image name");
    assertThat(Files.readAllLines(copy)).isEqualTo(after);
  }

  private static Process release(Path file, String image, String tag) throws Exception {
    Process p =
        new ProcessBuilder("bash", "image/release.sh", image, tag, file.toString())
            .redirectErrorStream(true)
            .start();
    p.waitFor();
    return p;
  }

  private static String output(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void readmeTablesMatchActionYml() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Map<String, List<String>> inputs = table(readme, "## Inputs");
    Map<String, List<String>> outputs = table(readme, "## Outputs");
    Map<String, List<String>> expectedInputs = new LinkedHashMap<>();
    for (Option o : Option.values()) {
      String def = o.actionDefault().isEmpty() ? "" : "`" + o.actionDefault() + "`";
      expectedInputs.put(o.id(), List.of(def, o.description()));
    }
    Map<String, List<String>> expectedOutputs = new LinkedHashMap<>();
    for (Output o : Output.values()) {
      expectedOutputs.put(o.id(), List.of(o.description()));
    }
    assertThat(inputs).containsExactlyEntriesOf(expectedInputs);
    assertThat(outputs).containsExactlyEntriesOf(expectedOutputs);
  }

  @Test
  void examplesDeclarePermissionsAndConcurrencyAndUseOnlyDeclaredInputs() throws IOException {
    List<Path> examples;
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      examples = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
    for (Path p : examples) {
      JsonNode wf = read(p);
      assertThat(wf.has("permissions")).as(p + " permissions").isTrue();
      assertThat(wf.has("concurrency")).as(p + " concurrency").isTrue();
      List<JsonNode> uses = new ArrayList<>();
      wf.path("jobs").forEach(job -> job.path("steps").forEach(uses::add));
      List<JsonNode> ours =
          uses.stream()
              .filter(st -> st.path("uses").asText().contains("planetscale-ci/action"))
              .toList();
      assertThat(ours).as(p + " uses the action").isNotEmpty();
      for (JsonNode step : ours) {
        step.path("with")
            .fieldNames()
            .forEachRemaining(n -> assertThat(Option.byId(n)).as(p + " input " + n).isNotNull());
      }
      // YAML 1.1 reads the key `on` as boolean true; accept either spelling.
      JsonNode on = wf.has("on") ? wf.path("on") : wf.path("true");
      assertThat(on.isMissingNode()).as(p + " triggers").isFalse();
      assertThat(on.toString()).as(p.toString()).doesNotContain("pull_request_target");
    }
  }

  /** Rows of the first Markdown table after {@code heading}: first cell (unquoted) to the rest. */
  private static Map<String, List<String>> table(String markdown, String heading) {
    int at = markdown.indexOf("\n" + heading + "\n");
    assertThat(at).as(heading).isNotNegative();
    Map<String, List<String>> rows = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : markdown.substring(at + heading.length() + 2).split("\n")) {
      if (line.startsWith("|")) {
        inTable = true;
        List<String> cells =
            Arrays.stream(line.substring(1, line.length() - 1).split(" \\| ", -1))
                .map(String::strip)
                .toList();
        if (cells.get(0).startsWith("`")) {
          rows.put(cells.get(0).replace("`", ""), cells.subList(1, cells.size()));
        }
      } else if (inTable) {
        break;
      }
    }
    return rows;
  }
}
