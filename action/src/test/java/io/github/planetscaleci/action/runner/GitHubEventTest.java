package io.github.planetscaleci.action.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubEventTest {
  @TempDir Path dir;

  private GitHubEvent event(String name, String resource, String attempt) throws IOException {
    Path file = dir.resolve("event.json");
    try (InputStream in = getClass().getResourceAsStream("/events/" + resource)) {
      Files.write(file, in.readAllBytes());
    }
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_EVENT_NAME", name);
    env.put("GITHUB_EVENT_PATH", file.toString());
    env.put("GITHUB_RUN_ID", "777");
    env.put("GITHUB_RUN_ATTEMPT", attempt);
    env.put("GITHUB_REPOSITORY", "acme/shop");
    env.put("GITHUB_SHA", "feedface");
    return GitHubEvent.read(env);
  }

  @Test
  void pullRequestOpenedIsAPreviewWithAPerRunBranch() throws Exception {
    GitHubEvent e = event("pull_request", "pull_request_opened.json", "1");
    assertThat(e.isPullRequest()).isTrue();
    assertThat(e.pullRequest()).isEqualTo(12);
    assertThat(e.fork()).isFalse();
    assertThat(e.isMerge()).isFalse();
    assertThat(BranchNaming.derive(e).name()).isEqualTo("ci-pr-12-r777-a1");
  }

  @Test
  void synchronizeIsStillAPreview() throws Exception {
    GitHubEvent e = event("pull_request", "pull_request_synchronize.json", "1");
    assertThat(e.action()).isEqualTo("synchronize");
    assertThat(e.isMerge()).isFalse();
    assertThat(e.isClosedUnmerged()).isFalse();
  }

  @Test
  void closedAndMergedIsAMergeOnTheMergeCommit() throws Exception {
    GitHubEvent e = event("pull_request", "pull_request_closed_merged.json", "1");
    assertThat(e.isMerge()).isTrue();
    assertThat(e.sha()).isEqualTo("9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c");
  }

  @Test
  void closedWithoutMergeIsNeither() throws Exception {
    GitHubEvent e = event("pull_request", "pull_request_closed_unmerged.json", "1");
    assertThat(e.isMerge()).isFalse();
    assertThat(e.isClosedUnmerged()).isTrue();
  }

  @Test
  void pushToTheDefaultBranchIsAMergeOnThePushedCommit() throws Exception {
    GitHubEvent e = event("push", "push_main.json", "1");
    assertThat(e.isPullRequest()).isFalse();
    assertThat(e.isPushToDefaultBranch()).isTrue();
    assertThat(e.isMerge()).isTrue();
    assertThat(e.sha()).isEqualTo("9f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c");
    assertThat(BranchNaming.derive(e).name()).isEqualTo("ci-gh-main-r777-a1");
  }

  @Test
  void pushToAnotherBranchIsNoMerge() throws Exception {
    assertThat(event("push", "push_feature.json", "1").isMerge()).isFalse();
  }

  @Test
  void workflowDispatchIsNeitherPullRequestNorMerge() throws Exception {
    GitHubEvent e = event("workflow_dispatch", "workflow_dispatch.json", "1");
    assertThat(e.isPullRequest()).isFalse();
    assertThat(e.isMerge()).isFalse();
    assertThat(e.sha()).isEqualTo("feedface");
  }

  @Test
  void forkPullRequestIsDetectedFromTheHeadRepository() throws Exception {
    GitHubEvent e = event("pull_request", "pull_request_fork.json", "1");
    assertThat(e.fork()).isTrue();
  }

  @Test
  void reRunAttemptGetsItsOwnBranch() throws Exception {
    GitHubEvent first = event("pull_request", "pull_request_opened.json", "1");
    GitHubEvent rerun = event("pull_request", "pull_request_opened.json", "2");
    assertThat(BranchNaming.derive(rerun).name())
        .isEqualTo("ci-pr-12-r777-a2")
        .isNotEqualTo(BranchNaming.derive(first).name());
  }

  @Test
  void withoutARunIdTheBranchMustBeGiven() {
    GitHubEvent e = GitHubEvent.read(Map.of());
    assertThatThrownBy(() -> BranchNaming.derive(e))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("`branch` input");
  }

  @Test
  void unreadablePayloadIsAClearConfigurationError() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{not json");
    assertThatThrownBy(() -> GitHubEvent.read(Map.of("GITHUB_EVENT_PATH", bad.toString())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("GITHUB_EVENT_PATH");
  }
}
