package io.github.planetscaleci.action.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.planetscaleci.core.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The facts of the triggering event that this action needs, read from {@code GITHUB_EVENT_NAME},
 * the payload at {@code GITHUB_EVENT_PATH} (parsed with Jackson, offline) and the run variables.
 *
 * @param pullRequest the PR number, or 0 when the event has no pull request
 * @param merged the pull request was merged (only true on {@code closed})
 * @param fork the pull request comes from another repository (its runs get no secrets)
 * @param sha the commit to look merged pull requests up by: {@code after} of a push, else {@code
 *     GITHUB_SHA}
 */
public record GitHubEvent(
    String name,
    String action,
    int pullRequest,
    boolean merged,
    boolean fork,
    String headRef,
    String baseRef,
    String ref,
    String defaultBranch,
    String sha,
    String repository,
    String runId,
    int runAttempt) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the event from the runner's environment. */
  public static GitHubEvent read(Map<String, String> env) {
    String name = env.getOrDefault("GITHUB_EVENT_NAME", "");
    JsonNode payload = JSON.createObjectNode();
    String path = env.get("GITHUB_EVENT_PATH");
    if (path != null && !path.isEmpty() && Files.isRegularFile(Path.of(path))) {
      try {
        payload = JSON.readTree(Files.readAllBytes(Path.of(path)));
      } catch (IOException e) {
        throw new ConfigurationException(
            "cannot read the event payload at GITHUB_EVENT_PATH (" + path + "): " + e.getMessage());
      }
    }
    JsonNode pr = payload.path("pull_request");
    boolean hasPr = pr.isObject();
    String headRepo = pr.path("head").path("repo").path("full_name").asText("");
    String baseRepo = pr.path("base").path("repo").path("full_name").asText("");
    String sha = env.getOrDefault("GITHUB_SHA", "");
    if (payload.hasNonNull("after") && "push".equals(name)) {
      sha = payload.path("after").asText();
    } else if (hasPr && pr.path("merged").asBoolean(false) && pr.hasNonNull("merge_commit_sha")) {
      // For a merged PR, GITHUB_SHA's meaning is not documented; the payload's field is exact.
      sha = pr.path("merge_commit_sha").asText();
    }
    return new GitHubEvent(
        name,
        payload.path("action").asText(""),
        hasPr ? payload.path("number").asInt(pr.path("number").asInt(0)) : 0,
        hasPr && pr.path("merged").asBoolean(false),
        // A deleted head repository (null repo) is treated as a fork: its secrets are gone too.
        hasPr && (headRepo.isEmpty() || !headRepo.equalsIgnoreCase(baseRepo)),
        pr.path("head").path("ref").asText(""),
        pr.path("base").path("ref").asText(""),
        payload.path("ref").asText(env.getOrDefault("GITHUB_REF", "")),
        payload.path("repository").path("default_branch").asText(""),
        sha,
        env.getOrDefault(
            "GITHUB_REPOSITORY", payload.path("repository").path("full_name").asText("")),
        env.getOrDefault("GITHUB_RUN_ID", ""),
        parseAttempt(env.get("GITHUB_RUN_ATTEMPT")));
  }

  private static int parseAttempt(String v) {
    try {
      return v == null || v.isEmpty() ? 1 : Math.max(1, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** A {@code pull_request} or {@code pull_request_target} event. */
  public boolean isPullRequest() {
    return pullRequest > 0 && name.startsWith("pull_request");
  }

  /** A push to the repository's default branch. */
  public boolean isPushToDefaultBranch() {
    return "push".equals(name)
        && !defaultBranch.isEmpty()
        && ("refs/heads/" + defaultBranch).equals(ref);
  }

  /** A merge: a push to the default branch, or a pull request closed with merged=true. */
  public boolean isMerge() {
    return isPushToDefaultBranch() || (isPullRequest() && "closed".equals(action) && merged);
  }

  /** A pull request closed without merging. */
  public boolean isClosedUnmerged() {
    return isPullRequest() && "closed".equals(action) && !merged;
  }

  /** For the log, e.g. "pull_request closed (merged) #12, run 77 attempt 2". */
  public String describe() {
    StringBuilder b = new StringBuilder(name.isEmpty() ? "unknown event" : name);
    if (!action.isEmpty()) {
      b.append(' ').append(action);
    }
    if (merged) {
      b.append(" (merged)");
    }
    if (pullRequest > 0) {
      b.append(" #").append(pullRequest);
    }
    if (!runId.isEmpty()) {
      b.append(", run ").append(runId).append(" attempt ").append(runAttempt);
    }
    return b.toString();
  }
}
