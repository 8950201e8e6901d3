package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.FakePlanetScale.CANARY;
import static io.github.planetscaleci.core.workflow.FakePlanetScale.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.model.PasswordBranch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The password and the URLs holding it reach nothing but MaskSecret events. */
class SecretsCanaryTest {
  private static final String ENCODED = ConnectionUrls.encode(CANARY);

  private static void assertClean(String text) {
    assertThat(text).doesNotContain(CANARY).doesNotContain(ENCODED).doesNotContain("s3cr3t");
  }

  private static void assertEventsClean(Fixture f) {
    for (WorkflowEvent e : f.events) {
      assertClean(e.toString());
      if (!(e instanceof WorkflowEvent.MaskSecret)) {
        assertClean(Fixture.text(e));
      }
    }
  }

  private static String full(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void successfulOpenShowsSecretsOnlyInMasks() {
    Fixture f = new Fixture();
    OpenedBranch opened = f.workflows.openBranch(OpenBranchRequest.of(DB, "ci-canary"));
    assertThat(opened.connection().mysqlUrl()).contains(ENCODED);
    assertThat(opened.connection().jdbcUrl()).doesNotContain(ENCODED).doesNotContain("user-");
    assertEventsClean(f);
    assertClean(opened.toString());
    assertClean(opened.connection().toString());
    assertClean(opened.lease().toString());
    List<String> masked = new ArrayList<>();
    f.events.stream()
        .filter(e -> e instanceof WorkflowEvent.MaskSecret)
        .forEach(e -> masked.add(((WorkflowEvent.MaskSecret) e).value()));
    assertThat(masked).contains(CANARY, ENCODED, opened.connection().mysqlUrl());
    f.workflows.closeBranch(opened.lease(), null);
    assertEventsClean(f);
  }

  @Test
  void failuresAfterThePasswordExistsLeakNothing() {
    for (String step : List.of("mismatch", "no-host", "delete-fails")) {
      Fixture f = new Fixture();
      switch (step) {
        case "mismatch" ->
            f.ps.passwordTamper =
                p -> OpenBranchFlowTest.withOwner(p, new PasswordBranch("x", "main", true));
        case "no-host" -> f.ps.accessHost = null;
        default -> {
          f.ps.passwordTamper =
              p -> OpenBranchFlowTest.withOwner(p, new PasswordBranch("x", "other", false));
          f.ps.faults.failNext("passwords.delete", Faults.api(ErrorCode.SERVER_ERROR, 503));
        }
      }
      Throwable t =
          catchThrowable(() -> f.workflows.openBranch(OpenBranchRequest.of(DB, "ci-canary")));
      assertThat(t).as(step).isNotNull();
      assertClean(full(t));
      assertEventsClean(f);
      assertThat(f.events).first().isNotInstanceOf(WorkflowEvent.MaskSecret.class);
      assertThat(f.events).contains(new WorkflowEvent.MaskSecret(CANARY));
    }
  }
}
