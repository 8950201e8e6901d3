package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import hudson.util.FormValidation;

/**
 * Turns the steps' own argument checks into form validation, so the form and the build agree. These
 * checks read nothing but the value, so they need no permission check.
 */
final class FormChecks {
  private FormChecks() {}

  /** A check that throws {@link AbortException} for a bad value. */
  @FunctionalInterface
  interface Check {
    void run() throws AbortException;
  }

  static FormValidation check(Check check) {
    try {
      check.run();
      return FormValidation.ok();
    } catch (AbortException e) {
      return FormValidation.error(stripPrefix(e.getMessage()));
    }
  }

  static FormValidation required(String value) {
    return FormValidation.validateRequired(value);
  }

  private static String stripPrefix(String message) {
    String p = Failures.prefix("configuration");
    return message.startsWith(p) ? message.substring(p.length()) : message;
  }
}
