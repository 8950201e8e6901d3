package io.github.planetscaleci.core.report;

import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.workflow.DeployMode;
import io.github.planetscaleci.core.workflow.DeployRequestOutcome;
import java.util.List;
import java.util.regex.Pattern;

/** The facts of a deploy-request outcome that every rendering states the same way. */
final class DeployFacts {
  private static final Pattern DR_URL =
      Pattern.compile("(https?://[^?#]+?)/deploy-requests/\\d+/?");

  private DeployFacts() {}

  /** One line saying where the deploy request stands, without Markdown. */
  static String headline(DeployRequestOutcome o) {
    DeploymentState s = o.finalState() == null ? DeploymentState.UNKNOWN : o.finalState();
    String state = s.apiValue();
    int tables = o.diff().size();
    String changed = tables + (tables == 1 ? " table changed" : " tables changed");
    if (o.noChanges()) {
      return "No schema changes" + (o.closed() ? "; the deploy request was closed" : "");
    }
    if (o.mode() == DeployMode.PREVIEW) {
      return "Preview: "
          + changed
          + (o.closed() ? "; the preview deploy request was closed" : "")
          + " (state "
          + state
          + ")";
    }
    if (o.deployed()) {
      return "Deployed: "
          + changed
          + (s == DeploymentState.COMPLETE_PENDING_REVERT
              ? " (state " + state + ": revert is possible until the window ends)"
              : " (state " + state + ")");
    }
    if (s.isFailed()) {
      return "Deploy failed (state " + state + ")";
    }
    if (s == DeploymentState.PENDING_CUTOVER) {
      return "Deploy waiting for cutover (state " + state + ")";
    }
    return "Not deployed (state " + state + ")";
  }

  /** The operations flagged as able to drop data. */
  static List<DeployOperation> dataLossOperations(DeployRequestOutcome o) {
    return o.operations().stream().filter(DeployOperation::canDropData).toList();
  }

  /** The deploy request number as {@code #12}, or empty when unknown. */
  static String number(DeployRequest r) {
    return r == null || r.number() <= 0 ? "" : "#" + r.number();
  }

  /**
   * The branch page, derived from the deploy request's page ({@code .../<db>/deploy-requests/N}
   * becomes {@code .../<db>/<branch>}, PlanetScale's layout), or null when it cannot be derived.
   */
  static String branchUrl(DeployRequest r) {
    if (r == null || r.htmlUrl() == null || r.branch() == null) {
      return null;
    }
    var m = DR_URL.matcher(r.htmlUrl());
    if (!m.matches() || !r.branch().matches("[A-Za-z0-9._-]+")) {
      return null;
    }
    return m.group(1) + "/" + r.branch();
  }

  /** The deployment's own check errors (an API message), or null. */
  static String deployCheckErrors(DeployRequest r) {
    if (r == null || r.deployment() == null) {
      return null;
    }
    String e = r.deployment().deployCheckErrors();
    return e == null || e.isBlank() ? null : e;
  }

  /** Counts of added and removed lines of a table diff. */
  static int[] lineCounts(String raw) {
    int added = 0;
    int removed = 0;
    for (String line : lines(raw)) {
      if (line.startsWith("+")) {
        added++;
      } else if (line.startsWith("-")) {
        removed++;
      }
    }
    return new int[] {added, removed};
  }

  static List<String> lines(String raw) {
    String c = Md.cleanBlock(raw);
    if (c.endsWith("\n")) {
      c = c.substring(0, c.length() - 1);
    }
    return c.isEmpty() ? List.of() : List.of(c.split("\n", -1));
  }
}
