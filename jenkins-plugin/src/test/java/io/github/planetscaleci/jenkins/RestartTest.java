package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.console.ConsoleLogFilter;
import io.github.planetscaleci.emulator.EmulatorStats.DatabaseStats;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A controller restart while the body runs: everything the plugin persists (program.dat: the
 * execution, its callback and the body's context objects; build.xml: the build's actions) holds no
 * password, database URL or token, and what is restored still works and deletes the branch.
 */
class RestartTest {
  private static final String DB = "restart";
  private static PlanetScaleEmulator emu;

  @BeforeAll
  static void database() {
    emu = SharedEmulator.get();
    emu.createDatabase(SharedEmulator.ORG, DB, SharedEmulator.SEED);
  }

  private static DatabaseStats stats() {
    return emu.stats().of(SharedEmulator.ORG, DB);
  }

  @Test
  void nothingPersistedHoldsASecretAndTheRestoredStateStillCleansUp() throws Exception {
    SharedEmulator.Log log = new SharedEmulator.Log();
    FakeJenkins.FakeRun run = FakeJenkins.run("team", "restarted", 1);
    try (AutoCloseable ignored = Host.override(SharedEmulator.host())) {
      FakeStepContext ctx = SharedEmulator.context(null, run, log);
      BranchStepExecution execution =
          (BranchStepExecution) new PlanetScaleBranchStep(DB).start(ctx);
      execution.start();
      FakeBodyInvoker body = ctx.awaitBody();
      EnvVars env = body.bodyContext.get(EnvVars.class);
      String password = env.get("DATABASE_PASSWORD");
      String url = env.get("DATABASE_URL");
      // A preview in the body adds its summary (and preview record) to the build's actions.
      body.bodyContext.runStep(new PlanetScaleDeployRequestStep());

      List<Object> program = new ArrayList<>(List.of(execution, body.callback));
      program.addAll(body.contextOverrides());
      assertThat(program)
          .hasAtLeastOneElementOfType(EnvironmentExpander.class)
          .hasAtLeastOneElementOfType(ConsoleLogFilter.class)
          .hasAtLeastOneElementOfType(ActiveBranch.class);
      byte[] programDat = Serialization.write(program.toArray());
      Canaries.assertAbsent("program.dat", programDat, password, url, SharedEmulator.TOKEN_SECRET);
      // Not blind: the same objects written without SecretPickle do carry the password.
      assertThat(Canaries.containsUtf8(plainJava(program), password)).isTrue();

      String buildXml = BuildXml.of(run.getAllActions());
      assertThat(buildXml)
          .contains(env.get("PLANETSCALE_BRANCH"))
          .contains(BranchLeasesAction.class.getName())
          .contains(PreviewRequestsAction.class.getName())
          .contains("PlanetScale deploy request");
      Canaries.assertAbsent(
          "build.xml",
          buildXml.getBytes(StandardCharsets.UTF_8),
          password,
          url,
          SharedEmulator.TOKEN_SECRET);

      Object[] restored = Serialization.read(programDat);
      BranchStepExecution resumed = (BranchStepExecution) restored[0];
      BodyExecutionCallback callback = (BodyExecutionCallback) restored[1];
      assertThat(resumed).isNotSameAs(execution);
      assertThat(resumed.getContext()).isSameAs(ctx);
      EnvVars restoredEnv = new EnvVars();
      find(restored, EnvironmentExpander.class).expand(restoredEnv);
      assertThat(restoredEnv.get("DATABASE_PASSWORD")).isEqualTo(password);
      assertThat(masked(find(restored, ConsoleLogFilter.class), "pw " + password + "\n"))
          .isEqualTo("pw ***\n");

      resumed.onResume();
      assertThat(ctx.isReady()).isFalse();
      assertThat(stats().branches()).isEqualTo(1);
      callback.onSuccess(ctx, "after restart");

      assertThat(ctx.result()).isEqualTo("after restart");
      assertThat(stats().branches()).isZero();
      assertThat(stats().passwordUsers()).isZero();
      assertThat(log.text()).doesNotContain(password).doesNotContain(SharedEmulator.TOKEN_SECRET);
    }
  }

  private static byte[] plainJava(List<Object> objects) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      for (Object o : objects) {
        out.writeObject(o);
      }
    }
    return bytes.toByteArray();
  }

  @SuppressWarnings("deprecation")
  private static String masked(ConsoleLogFilter filter, String text) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = filter.decorateLogger(null, bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static <T> T find(Object[] objects, Class<T> type) {
    for (Object o : objects) {
      if (type.isInstance(o)) {
        return type.cast(o);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " was restored");
  }
}
