package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The one definition of "no secret leaked" for action steps and the bodies sent to GitHub. */
public final class Secrets {
  private Secrets() {}

  /** The step outputs that are secrets: {@code password} and {@code database-url}. */
  public static List<String> ofOutputs(Map<String, String> outputs) {
    return List.of(outputs.get("password"), outputs.get("database-url"));
  }

  /** {@link #assertAbsent(Collection, Collection, Collection)} with nothing sent to GitHub. */
  public static void assertAbsent(
      Collection<RunnerHarness.Step> steps, Collection<String> secrets) {
    assertAbsent(steps, secrets, List.of());
  }

  /**
   * No secret (each must be non-blank) appears in a step's stdout but on {@code ::add-mask::}
   * lines, nor in its stderr, summary, state, visible log or non-secret outputs, nor in a body sent
   * to GitHub; a step with secret outputs masked them on stdout before writing them.
   */
  public static void assertAbsent(
      Collection<RunnerHarness.Step> steps,
      Collection<String> secrets,
      Collection<String> bodiesSent) {
    for (RunnerHarness.Step s : steps) {
      for (String secret : secrets) {
        assertThat(secret).isNotBlank();
        assertThat(s.stdout().lines().filter(l -> l.contains(secret)))
            .allMatch(l -> l.startsWith("::add-mask::"));
        assertThat(s.stderr()).doesNotContain(secret);
        assertThat(s.summary()).doesNotContain(secret);
        assertThat(s.state().toString()).doesNotContain(secret);
        s.outputs()
            .forEach(
                (k, v) -> {
                  if (!k.equals("password") && !k.equals("database-url")) {
                    assertThat(v).as(k).doesNotContain(secret);
                  }
                });
        assertThat(s.visibleLog()).noneMatch(l -> l.contains(secret));
      }
      // Secret outputs are masked before they are written.
      if (s.outputs().containsKey("password")) {
        assertThat(s.masks())
            .contains(s.outputs().get("password"), s.outputs().get("database-url"));
        String mask = "::add-mask::" + s.outputs().get("password");
        assertThat(s.stdout().lines().toList().indexOf(mask)).isNotNegative();
      }
    }
    for (String body : bodiesSent) {
      for (String secret : secrets) {
        assertThat(body).doesNotContain(secret);
      }
    }
  }
}
