package io.github.planetscaleci.action.command;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The four commands of the action and the CLI. */
public enum Verb {
  OPEN_BRANCH("open-branch", "Create (or reuse) a branch, wait until ready, issue a password."),
  CLOSE_BRANCH("close-branch", "Delete the branch's passwords, then the branch."),
  DEPLOY_REQUEST(
      "deploy-request", "Preview a deploy request on a pull request; deploy it on a merge."),
  SWEEP("sweep", "Delete this tool's branches older than a cutoff.");

  private final String id;
  private final String summary;

  Verb(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  public String summary() {
    return summary;
  }

  /** Parses a command name; the message lists the accepted names. */
  public static Verb parse(String value) {
    for (Verb v : values()) {
      if (v.id.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown command '" + value + "': use one of " + names());
  }

  /** The command names, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(Verb::id).collect(Collectors.joining(", "));
  }
}
