package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import hudson.Util;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.github.GitHubSettings;
import io.github.planetscaleci.core.model.PasswordRole;
import io.github.planetscaleci.core.naming.BranchNames;
import java.util.regex.Pattern;

/**
 * Checks step arguments before any API call; each failure names the option and what to write. Rules
 * that are not Jenkins-specific come from core ({@link BranchNames}, {@link PasswordRole}).
 */
final class Args {
  private static final Pattern ENV_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Args() {}

  /** Trimmed value, or null when blank. */
  static String clean(String value) {
    return Util.fixEmptyAndTrim(value);
  }

  /** The step's value, else the global default, else an error saying where to set it. */
  static String required(String value, String fallback, String option, String example)
      throws AbortException {
    String v = clean(value);
    if (v == null) {
      v = clean(fallback);
    }
    if (v == null) {
      throw Failures.configuration(
          option
              + " is required: pass "
              + option
              + ": '"
              + example
              + "' to the step or set a default in Manage Jenkins » System » PlanetScale");
    }
    return v;
  }

  /** A mandatory step argument with no global default. */
  static String required(String value, String option, String example) throws AbortException {
    String v = clean(value);
    if (v == null) {
      throw Failures.configuration(
          option + " is required: pass " + option + ": '" + example + "' to the step");
    }
    return v;
  }

  static String branch(String value, String option) throws AbortException {
    String v = clean(value);
    if (v != null) {
      try {
        BranchNames.validate(v, option);
      } catch (ConfigurationException e) {
        throw Failures.abort(e);
      }
    }
    return v;
  }

  static PasswordRole role(String value) throws AbortException {
    String v = clean(value);
    try {
      return v == null ? PasswordRole.ADMIN : PasswordRole.parse(v);
    } catch (IllegalArgumentException e) {
      throw Failures.configuration("passwordRole: " + e.getMessage());
    }
  }

  static String envPrefix(String value) throws AbortException {
    String v = clean(value);
    if (v != null && !ENV_PREFIX.matcher(v).matches()) {
      throw Failures.configuration(
          "envPrefix '"
              + v
              + "' is not a valid start of an environment variable name; use letters, digits and"
              + " '_', e.g. 'ORDERS_'");
    }
    return v == null ? "" : v;
  }

  static String apiUrl(String value, String fallback) throws AbortException {
    String v = clean(value);
    if (v == null) {
      v = clean(fallback);
    }
    if (v != null) {
      try {
        Connections.checkApiUrl(v);
      } catch (ConfigurationException e) {
        throw Failures.abort(e);
      }
    }
    return v;
  }

  /** Checks a GitHub API URL before any call, as core's {@code GitHubSettings} will. */
  static String githubApiUrl(String value) throws AbortException {
    String v = clean(value);
    if (v == null) {
      return null;
    }
    try {
      // Core checks it without ever showing a part that may hold a secret.
      GitHubSettings.apiUrl(v);
    } catch (ConfigurationException e) {
      throw Failures.abort(e);
    }
    return v;
  }
}
