package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.console.ConsoleLogFilter;
import io.github.planetscaleci.core.model.Branch;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console filter masks secrets however they are written, and survives serialization. */
class MaskingTest {
  private static final String PASSWORD = "pscale_pw_canary+/=Q1w2";

  @SuppressWarnings("deprecation")
  private static String through(ConsoleLogFilter filter, Writes writes) throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = filter.decorateLogger(null, sink);
    writes.write(out);
    out.close();
    return sink.toString(StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface Writes {
    void write(OutputStream out) throws Exception;
  }

  private static MaskingConsoleFilter filter() {
    return new MaskingConsoleFilter(List.of(PASSWORD, "mysql://u:x@h/db"), StandardCharsets.UTF_8);
  }

  @Test
  void masksPlainEncodedAndSplitSecrets() throws Exception {
    String text =
        through(
            filter(),
            out -> {
              PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
              p.println("pw " + PASSWORD);
              p.println("enc " + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
              byte[] b = ("split " + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8);
              for (byte x : b) {
                out.write(x);
                out.flush(); // a flush must not release half a secret
              }
              p.print("tail " + PASSWORD); // no newline: released on close
            });
    assertThat(text).doesNotContain(PASSWORD).doesNotContain("pscale_pw_canary");
    assertThat(text).isEqualTo("pw ***\nenc ***\nsplit ***\ntail ***");
  }

  @Test
  void survivesJavaSerializationAndMergesWithAnOuterFilter() throws Exception {
    MaskingConsoleFilter restored =
        (MaskingConsoleFilter) Serialization.read(Serialization.write(filter()))[0];
    ConsoleLogFilter merged =
        org.jenkinsci.plugins.workflow.steps.BodyInvoker.mergeConsoleLogFilters(null, restored);
    assertThat(
            through(
                merged,
                out -> out.write(("x " + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("x ***\n");
  }

  @Test
  void environmentHoldsSecretsAsSecretAndNamesThemSensitive() throws Exception {
    var conn =
        new io.github.planetscaleci.core.workflow.BranchConnection(
            "127.0.0.1", 3306, "user1", PASSWORD, "db1", "b1", false);
    var opened =
        new io.github.planetscaleci.core.workflow.OpenedBranch(
            branch("b1"),
            true,
            conn,
            new io.github.planetscaleci.core.workflow.BranchLease(
                new io.github.planetscaleci.core.model.DatabaseRef("acme", "app"),
                "b1",
                true,
                List.of("pw1")));
    BranchEnvironment env = BranchEnvironment.of("X_", opened);
    hudson.EnvVars vars = new hudson.EnvVars("PATH", "/bin");
    env.expand(vars);
    assertThat(vars)
        .containsEntry("X_DATABASE_PASSWORD", PASSWORD)
        .containsEntry("X_DATABASE_HOST", "127.0.0.1")
        .containsEntry("X_DATABASE_PORT", "3306")
        .containsEntry("X_DATABASE_USERNAME", "user1")
        .containsEntry("X_DATABASE_NAME", "db1")
        .containsEntry("X_PLANETSCALE_BRANCH", "b1")
        .containsEntry("X_DATABASE_URL", conn.mysqlUrl())
        .containsEntry("X_DATABASE_JDBC_URL", conn.jdbcUrl())
        .containsEntry("PATH", "/bin");
    assertThat(env.getSensitiveVariables())
        .containsExactlyInAnyOrder("X_DATABASE_PASSWORD", "X_DATABASE_URL");
  }

  private static Branch branch(String name) {
    return new Branch("id-" + name, name, "main", true, "ready", false, false, null, null, null);
  }
}
