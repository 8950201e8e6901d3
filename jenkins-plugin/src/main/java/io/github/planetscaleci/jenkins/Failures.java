package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import io.github.planetscaleci.core.error.PlanetScaleCiException;

/** Maps core failures to Jenkins' {@link AbortException}: a message, no stack trace. */
final class Failures {
  private Failures() {}

  /** {@code [planetscale-ci <code>] }, the prefix of every failure message. */
  static String prefix(String codeId) {
    return "[planetscale-ci " + codeId + "] ";
  }

  /** A configuration failure found by the step itself, before any API call. */
  static AbortException configuration(String message) {
    return new AbortException(prefix("configuration") + message);
  }

  /**
   * The failure Jenkins should show: core's coded exceptions become an {@link AbortException} with
   * the code; anything else is returned as is.
   */
  static Throwable map(Throwable t) {
    if (t instanceof PlanetScaleCiException e) {
      return abort(e);
    }
    return t;
  }

  static AbortException abort(PlanetScaleCiException e) {
    AbortException a = new AbortException(prefix(e.code().id()) + e.getMessage());
    a.initCause(e);
    return a;
  }
}
