package io.github.planetscaleci.action;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Plays the Actions runner for a Docker action (reference §1.10): per step it creates fresh
 * file-command files, exports INPUT_ variables for every declared input (empty when unset), GITHUB_
 * and RUNNER_ variables, HOME and the event payload, hands main's state to post as STATE_
 * variables, parses the files with a port of the runner's EnvFileKeyValuePairs and the log with a
 * port of ActionCommand.TryParseV2, applying {@code ::add-mask::} to later lines as the runner
 * does.
 */
public final class RunnerHarness {
  private final Path root;
  private final Map<String, String> inputs = new LinkedHashMap<>();
  private final Map<String, String> extraEnv = new LinkedHashMap<>();
  private final Map<String, String> state = new LinkedHashMap<>();
  private String eventName = "pull_request";
  private String eventResource = "pull_request_opened.json";
  private String runId = "4242";
  private String runAttempt = "1";

  public RunnerHarness(Path root) {
    this.root = root;
    for (var o : io.github.planetscaleci.action.command.Option.values()) {
      // Declared inputs are always present; defaults as action.yml gives them.
      inputs.put(o.id(), o.actionDefault().startsWith("${{") ? "" : o.actionDefault());
    }
    mkdirs("home", "workflow", "file_commands", "workspace", "runner_temp");
  }

  public RunnerHarness input(String name, String value) {
    if (!inputs.containsKey(name)) {
      throw new IllegalArgumentException("undeclared input " + name);
    }
    inputs.put(name, value);
    return this;
  }

  public RunnerHarness env(String name, String value) {
    extraEnv.put(name, value);
    return this;
  }

  /** The event: its name and a payload file under src/test/resources/events. */
  public RunnerHarness event(String name, String resource) {
    this.eventName = name;
    this.eventResource = resource;
    return this;
  }

  public RunnerHarness run(String id, String attempt) {
    this.runId = id;
    this.runAttempt = attempt;
    return this;
  }

  /** Saves state as if an earlier main step had written it (e.g. one cancelled mid-open). */
  public RunnerHarness state(String key, String value) {
    state.put(key, value);
    return this;
  }

  public Path home() {
    return root.resolve("home");
  }

  /** Runs the main step ({@code entrypoint}). */
  public Step main() {
    return step("github-action", Map.of());
  }

  /**
   * Runs the main step and kills it the moment its log contains {@code logFragment}: nothing after
   * that point runs (no catch, no cleanup, as after a SIGKILL), and the file commands written so
   * far are what the runner reads. The step's exit code is then 137.
   */
  public Step mainKilledAt(String logFragment) {
    return step("github-action", Map.of(), logFragment);
  }

  /** Runs the post step with the state main saved. */
  public Step post() {
    Map<String, String> st = new HashMap<>();
    state.forEach((k, v) -> st.put("STATE_" + k, v));
    return step("github-action-post", st);
  }

  private Step step(String arg, Map<String, String> stateEnv) {
    return step(arg, stateEnv, null);
  }

  private Step step(String arg, Map<String, String> stateEnv, String killAt) {
    String id = UUID.randomUUID().toString();
    Path fc = root.resolve("file_commands");
    Path output = touch(fc.resolve("set_output_" + id));
    Path stateFile = touch(fc.resolve("save_state_" + id));
    Path summary = touch(fc.resolve("step_summary_" + id));
    Path envFile = touch(fc.resolve("set_env_" + id));
    Path event = root.resolve("workflow/event.json");
    try (var in = getClass().getResourceAsStream("/events/" + eventResource)) {
      Files.write(event, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.putAll(stateEnv);
    inputs.forEach((k, v) -> env.put("INPUT_" + k.replace(' ', '_').toUpperCase(Locale.ROOT), v));
    env.put("HOME", home().toString());
    env.put("GITHUB_ACTIONS", "true");
    env.put("CI", "true");
    env.put("GITHUB_EVENT_NAME", eventName);
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_REPOSITORY", "acme/shop");
    env.put("GITHUB_RUN_ID", runId);
    env.put("GITHUB_RUN_ATTEMPT", runAttempt);
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_SHA", "feedfacefeedfacefeedfacefeedfacefeedface");
    env.put("GITHUB_OUTPUT", output.toString());
    env.put("GITHUB_STATE", stateFile.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.put("GITHUB_ENV", envFile.toString());
    env.put("GITHUB_WORKSPACE", root.resolve("workspace").toString());
    env.put("RUNNER_TEMP", root.resolve("runner_temp").toString());
    env.putAll(extraEnv);
    KillableStream out = new KillableStream(killAt);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(new String[] {arg}, env, o, e);
    } catch (Killed k) {
      code = 137;
    }
    if (killAt != null && code != 137) {
      throw new IllegalStateException("the step never logged '" + killAt + "'; it was not killed");
    }
    Step step =
        new Step(
            code,
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8),
            parseKeyValueFile(output),
            parseKeyValueFile(stateFile),
            read(summary),
            read(output) + read(stateFile));
    state.putAll(step.state());
    return step;
  }

  /** Stands for SIGKILL: an Error, so no {@code catch (RuntimeException)} cleanup runs. */
  private static final class Killed extends Error {
    Killed() {
      super("killed", null, false, false);
    }
  }

  /** Stdout that kills the step once it holds a given text; later writes are lost. */
  private static final class KillableStream extends ByteArrayOutputStream {
    private final String killAt;
    private boolean killed;

    KillableStream(String killAt) {
      this.killAt = killAt;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (killed) {
        return;
      }
      super.write(b, off, len);
      check();
    }

    @Override
    public synchronized void write(int b) {
      if (killed) {
        return;
      }
      super.write(b);
      check();
    }

    private void check() {
      if (killAt != null && toString(StandardCharsets.UTF_8).contains(killAt)) {
        killed = true;
        throw new Killed();
      }
    }
  }

  /** One step's results, as the runner would see them. */
  public record Step(
      int exitCode,
      String stdout,
      String stderr,
      Map<String, String> outputs,
      Map<String, String> state,
      String summary,
      String rawFiles) {

    /** Log lines after the runner's command processing: masks applied, commands consumed. */
    public List<String> visibleLog() {
      return LogParser.parse(stdout + stderr).visible();
    }

    /** Every value registered with {@code ::add-mask::}. */
    public Set<String> masks() {
      return LogParser.parse(stdout + stderr).masks();
    }

    /** The annotations ({@code error}, {@code warning}, {@code notice}) as "kind|title|message". */
    public List<String> annotations() {
      return LogParser.parse(stdout + stderr).annotations();
    }
  }

  /** Port of the runner's EnvFileKeyValuePairs (FileCommandManager.cs), including its errors. */
  public static Map<String, String> parseKeyValueFile(Path file) {
    String text = read(file);
    Map<String, String> result = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return result;
    }
    if (text.contains("\r")) {
      throw new IllegalStateException("CR in a file command on Linux keeps \\r in values");
    }
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      String line = lines[i++];
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      int hd = line.indexOf("<<");
      if (eq >= 0 && (hd < 0 || eq < hd)) {
        result.put(line.substring(0, eq), line.substring(eq + 1));
      } else if (hd >= 0 && (eq < 0 || hd < eq)) {
        String key = line.substring(0, hd);
        String delimiter = line.substring(hd + 2);
        if (key.isEmpty() || delimiter.isEmpty()) {
          throw new IllegalStateException("Invalid format '" + line + "'");
        }
        List<String> value = new ArrayList<>();
        while (true) {
          if (i >= lines.length) {
            throw new IllegalStateException("Matching delimiter not found '" + delimiter + "'");
          }
          String l = lines[i++];
          if (l.equals(delimiter)) {
            if (i >= lines.length) {
              throw new IllegalStateException("EOF marker missing new line.");
            }
            break;
          }
          value.add(l);
        }
        result.put(key, String.join("\n", value));
      } else {
        throw new IllegalStateException("Invalid format '" + line + "'");
      }
    }
    return result;
  }

  /** Port of ActionCommand.TryParseV2 and the SecretMasker, enough for our assertions. */
  record LogParser(List<String> visible, Set<String> masks, List<String> annotations) {
    static LogParser parse(String log) {
      List<String> visible = new ArrayList<>();
      Set<String> masks = new LinkedHashSet<>();
      List<String> annotations = new ArrayList<>();
      for (String raw : log.split("\n")) {
        String line = raw.stripTrailing();
        String t = line.stripLeading();
        if (t.startsWith("::")) {
          int end = t.indexOf("::", 2);
          if (end > 0) {
            String info = t.substring(2, end);
            String data = unescape(t.substring(end + 2), false);
            int sp = info.indexOf(' ');
            String cmd = (sp < 0 ? info : info.substring(0, sp)).toLowerCase(Locale.ROOT);
            Map<String, String> props = new HashMap<>();
            if (sp >= 0) {
              for (String kv : info.substring(sp + 1).trim().split(",")) {
                int e = kv.indexOf('=');
                if (e > 0 && e < kv.length() - 1) {
                  props.put(
                      kv.substring(0, e).toLowerCase(Locale.ROOT),
                      unescape(kv.substring(e + 1), true));
                }
              }
            }
            switch (cmd) {
              case "add-mask" -> {
                masks.add(data);
                continue;
              }
              case "error", "warning", "notice" -> {
                String msg = mask(data, masks);
                annotations.add(cmd + "|" + props.getOrDefault("title", "") + "|" + msg);
                visible.add(msg);
                continue;
              }
              case "group", "endgroup", "debug" -> {
                continue;
              }
              default -> {}
            }
          }
        }
        visible.add(mask(line, masks));
      }
      return new LogParser(visible, masks, annotations);
    }

    private static String mask(String line, Set<String> masks) {
      String s = line;
      for (String m : masks) {
        if (!m.isBlank()) {
          s = s.replace(m, "***");
        }
      }
      return s;
    }

    private static String unescape(String s, boolean property) {
      String r = s.replace("%0D", "\r").replace("%0A", "\n");
      if (property) {
        r = r.replace("%3A", ":").replace("%2C", ",");
      }
      return r.replace("%25", "%");
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path touch(Path p) {
    try {
      return Files.createFile(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void mkdirs(String... names) {
    for (String n : names) {
      try {
        Files.createDirectories(root.resolve(n));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
