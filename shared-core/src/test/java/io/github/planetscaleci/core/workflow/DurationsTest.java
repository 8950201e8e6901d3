package io.github.planetscaleci.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsEveryUnitAndCombinations() {
    assertThat(Durations.parse("90s", "t")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("10m", "t")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse(" 1H30m ", "t")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("2d", "t")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("1d2h3m4s", "t"))
        .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4));
  }

  @Test
  void blankMeansUnset() {
    assertThat(Durations.parse(null, "t")).isNull();
    assertThat(Durations.parse("  ", "t")).isNull();
  }

  @Test
  void rejectsWhatIsNotAPositiveDurationNamingTheOption() {
    for (String bad : new String[] {"10", "m", "0s", "1.5h", "10 m", "-5m", "5mx", "x5m", "5w"}) {
      assertThatThrownBy(() -> Durations.parse(bad, "wait-timeout"))
          .as(bad)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("wait-timeout must be a positive duration")
          .hasMessageContaining("'" + bad + "'");
    }
  }
}
