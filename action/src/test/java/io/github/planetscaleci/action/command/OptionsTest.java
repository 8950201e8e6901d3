package io.github.planetscaleci.action.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.model.PasswordRole;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  private static Options of(Map<Option, String> values) {
    return new Options(values, o -> "input `" + o.id() + "`");
  }

  @Test
  void emptyStringsAreUnsetAndDefaultsApply() {
    Options o = of(Map.of(Option.KEEP_BRANCH, "", Option.WAIT_TIMEOUT, " "));
    assertThat(o.get(Option.KEEP_BRANCH)).isNull();
    assertThat(o.flag(Option.KEEP_BRANCH)).isFalse();
    assertThat(o.duration(Option.WAIT_TIMEOUT)).isEqualTo(Duration.ofMinutes(10));
    assertThat(o.duration(Option.PASSWORD_TTL)).isNull();
    assertThat(o.verb()).isEqualTo(Verb.OPEN_BRANCH);
    assertThat(o.passwordRole()).isEqualTo(PasswordRole.ADMIN);
    assertThat(o.deployPolicy()).isEqualTo(Options.DeployPolicy.AUTO);
  }

  @Test
  void booleansFollowTheYamlCoreSchemaLikeTheToolkit() {
    assertThat(of(Map.of(Option.KEEP_BRANCH, "True")).flag(Option.KEEP_BRANCH)).isTrue();
    assertThat(of(Map.of(Option.KEEP_BRANCH, "FALSE")).flag(Option.KEEP_BRANCH)).isFalse();
    assertThatThrownBy(() -> of(Map.of(Option.KEEP_BRANCH, "yes")).flag(Option.KEEP_BRANCH))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("input `keep-branch` must be true or false, got 'yes'.");
  }

  @Test
  void durationsCombineUnits() {
    assertThat(of(Map.of(Option.WAIT_TIMEOUT, "1h30m")).duration(Option.WAIT_TIMEOUT))
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(of(Map.of(Option.OLDER_THAN, "2d")).duration(Option.OLDER_THAN))
        .isEqualTo(Duration.ofDays(2));
    for (String bad : new String[] {"ten minutes", "10", "0s", "5m3", "-5m"}) {
      assertThatThrownBy(() -> of(Map.of(Option.WAIT_TIMEOUT, bad)).duration(Option.WAIT_TIMEOUT))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("input `wait-timeout` must be a positive duration")
          .hasMessageContaining(bad);
    }
  }

  @Test
  void missingValuesAreListedTogetherWithTheirEnvironmentFallbacks() {
    assertThatThrownBy(
            () ->
                of(Map.of(Option.ORGANIZATION, "acme"))
                    .require(Option.ORGANIZATION, Option.DATABASE, Option.SERVICE_TOKEN))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "missing input `database`, input `service-token` (or the PLANETSCALE_SERVICE_TOKEN"
                + " environment variable).");
  }

  @Test
  void environmentFallbacksFillOnlyUnsetValues() {
    Map<Option, String> filled =
        Options.withFallbacks(
            Map.of(Option.ORGANIZATION, "", Option.SERVICE_TOKEN_ID, "from-input"),
            Map.of("PLANETSCALE_ORG", "acme", "PLANETSCALE_SERVICE_TOKEN_ID", "from-env"));
    assertThat(filled)
        .containsEntry(Option.ORGANIZATION, "acme")
        .containsEntry(Option.SERVICE_TOKEN_ID, "from-input");
  }

  @Test
  void badEnumsAndNamesSayWhatIsAccepted() {
    assertThatThrownBy(() -> of(Map.of(Option.DEPLOY, "sometimes")).deployPolicy())
        .hasMessage("input `deploy` must be auto, always or never, got 'sometimes'.");
    assertThatThrownBy(() -> of(Map.of(Option.PASSWORD_ROLE, "root")).passwordRole())
        .hasMessageContaining("reader, writer, readwriter, admin");
    assertThatThrownBy(() -> of(Map.of(Option.BRANCH, "Feature/X")).branchName(Option.BRANCH))
        .hasMessageContaining("invalid input `branch` 'Feature/X'")
        .hasMessageContaining("lower-case letters, digits and single hyphens");
    assertThatThrownBy(() -> of(Map.of(Option.COMMAND, "open")).verb())
        .hasMessageContaining("open-branch, close-branch, deploy-request, sweep");
    assertThatThrownBy(() -> of(Map.of(Option.API_URL, "ftp://x")).apiUrl())
        .hasMessageContaining("input `api-url` must be an http(s) URL");
  }
}
