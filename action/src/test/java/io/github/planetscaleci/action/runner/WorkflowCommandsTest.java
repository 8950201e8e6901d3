package io.github.planetscaleci.action.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkflowCommandsTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final WorkflowCommands commands =
      new WorkflowCommands(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private String out() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void escapesDataLikeTheToolkit() {
    // Golden vector from actions/toolkit packages/core/__tests__/command.test.ts
    assertThat(WorkflowCommands.escapeData("%25 %25 %0D %0D %0A %0A"))
        .isEqualTo("%2525 %2525 %250D %250D %250A %250A");
  }

  @Test
  void escapesPropertiesLikeTheToolkit() {
    assertThat(
            WorkflowCommands.escapeProperty(
                "percent % percent % cr \r cr \r lf \n lf \n colon : colon : comma , comma ,"))
        .isEqualTo(
            "percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A colon %3A colon %3A comma %2C"
                + " comma %2C");
  }

  @Test
  void masksTheSecretAndItsUrlEncodedFormsOnce() {
    commands.mask("p@ss w/rd");
    commands.mask("p@ss w/rd");
    assertThat(out().lines())
        .containsExactly(
            "::add-mask::p@ss w/rd",
            "::add-mask::p%2540ss+w%252Frd",
            "::add-mask::p%2540ss%2520w%252Frd");
  }

  @Test
  void ignoresBlankSecrets() {
    commands.mask("   ");
    commands.mask(null);
    assertThat(out()).isEmpty();
  }

  @Test
  void writesAnnotationsWithEscapedTitleAndMessage() {
    commands.error("PlanetScale: not found", "line one\nline two 100%");
    assertThat(out())
        .isEqualTo("::error title=PlanetScale%3A not found::line one%0Aline two 100%25\n");
  }

  @Test
  void defusesLogLinesThatLookLikeCommands() {
    commands.log("::add-mask::not really");
    assertThat(out()).isEqualTo(" ::add-mask::not really\n");
  }
}
