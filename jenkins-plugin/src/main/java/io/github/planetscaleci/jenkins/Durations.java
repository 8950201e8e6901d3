package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import io.github.planetscaleci.core.error.ConfigurationException;
import java.time.Duration;

/** Core's duration spelling ({@code 90s}, {@code 1h30m}, ...) with Jenkins's failure type. */
final class Durations {
  private Durations() {}

  /** The duration, or null for a blank value. */
  static Duration parse(String value, String option) throws AbortException {
    try {
      return io.github.planetscaleci.core.workflow.Durations.parse(value, option);
    } catch (ConfigurationException e) {
      throw Failures.configuration(e.getMessage());
    }
  }
}
