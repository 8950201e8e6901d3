package io.github.planetscaleci.core.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubCallsTest {
  static final String TOKEN = StickyCommentTest.TOKEN;
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  FakeGitHub fake;
  PullRequestReporter reporter;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeGitHub();
    reporter = new PullRequestReporter(GitHubSettings.of(fake.url(), TOKEN, "o/r"));
  }

  @AfterEach
  void stop() {
    assertThat(fake.unmatched).as("requests the fake does not serve").isEmpty();
    fake.shutdown();
  }

  @Test
  void constructingAReporterMakesNoRequest() {
    new PullRequestReporter(GitHubSettings.of(fake.url(), TOKEN, "o/r"));
    assertThat(fake.requests).isEmpty();
  }

  @Test
  void sendsTheTokenAsBearerOnEveryRequest() {
    reporter.upsertComment(3, "<!-- m -->", "body");
    assertThat(fake.authorizations).isNotEmpty().allMatch(("Bearer " + TOKEN)::equals);
  }

  @Test
  void findsTheMergedPullRequestWhoseMergeCommitIsThePushedCommit() {
    ArrayNode list = FakeGitHub.JSON.createArrayNode();
    list.add(fake.pull(3, null, null, true));
    list.add(
        fake.pull(5, "2024-05-01T10:00:00Z", "ffffffffffffffffffffffffffffffffffffffff", true));
    list.add(fake.pull(7, "2024-05-02T10:00:00Z", SHA, true));
    fake.pullsOfCommit.put(SHA, list);
    fake.pulls.put(
        5, fake.pull(5, "2024-05-01T10:00:00Z", "ffffffffffffffffffffffffffffffffffffffff", false));
    fake.pulls.put(7, fake.pull(7, "2024-05-02T10:00:00Z", SHA, false));

    MergedPullRequest pr = reporter.findMergedPullRequest(SHA).orElseThrow();

    assertThat(pr.number()).isEqualTo(7);
    assertThat(pr.exactMatch()).isTrue();
    assertThat(pr.mergeCommitSha()).isEqualTo(SHA);
    assertThat(pr.baseBranch()).isEqualTo("main");
    assertThat(pr.htmlUrl()).isEqualTo("https://github.com/o/r/pull/7");
    assertThat(fake.requests)
        .contains(
            "GET /repos/o/r/commits/" + SHA,
            "GET /repos/o/r/commits/" + SHA + "/pulls?per_page=100")
        .doesNotContain("GET /repos/o/r/pulls/3");
  }

  @Test
  void theOnlyMergedPullRequestIsTakenWhenNoMergeCommitMatches() {
    ArrayNode list = FakeGitHub.JSON.createArrayNode();
    list.add(fake.pull(3, null, null, true));
    list.add(
        fake.pull(9, "2024-05-01T10:00:00Z", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", true));
    fake.pullsOfCommit.put(SHA, list);
    fake.pulls.put(
        9, fake.pull(9, "2024-05-01T10:00:00Z", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", false));

    MergedPullRequest pr = reporter.findMergedPullRequest(SHA).orElseThrow();

    assertThat(pr.number()).isEqualTo(9);
    assertThat(pr.exactMatch()).isFalse();
  }

  @Test
  void noMergedPullRequestIsEmpty() {
    ArrayNode list = FakeGitHub.JSON.createArrayNode();
    list.add(fake.pull(3, null, null, true));
    fake.pullsOfCommit.put(SHA, list);
    assertThat(reporter.findMergedPullRequest(SHA)).isEmpty();
  }

  @Test
  void setsACommitStatus() {
    reporter.setCommitStatus(
        SHA, CommitState.FAILURE, "https://ci.example/run/1", "x".repeat(200), null);

    assertThat(fake.statuses).hasSize(1);
    var s = fake.statuses.get(0);
    assertThat(s.get("state").asText()).isEqualTo("failure");
    assertThat(s.get("context").asText()).isEqualTo("planetscale-ci");
    assertThat(s.get("target_url").asText()).isEqualTo("https://ci.example/run/1");
    assertThat(s.get("description").asText()).hasSize(140);
  }

  @Test
  void aRejectedTokenIsAConfigurationErrorWithoutTheToken() {
    fake.forced = FakeGitHub.error(401, "Bad credentials for " + TOKEN);

    assertThatThrownBy(() -> reporter.upsertComment(3, "<!-- m -->", "b"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("Bad credentials")
        .satisfies(e -> assertNoToken(e));
  }

  @Test
  void aForbiddenCommentNamesThePermissionToGrant() {
    fake.forced = FakeGitHub.error(403, "Resource not accessible by integration");

    assertThatThrownBy(() -> reporter.upsertComment(3, "<!-- m -->", "b"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pull-requests: write")
        .hasMessageContaining("Resource not accessible by integration")
        .satisfies(e -> assertNoToken(e));
  }

  @Test
  void rateLimitNotFoundAndServerErrorsKeepTheirCodes() {
    fake.forced = FakeGitHub.error(403, "API rate limit exceeded for installation");
    assertThatThrownBy(() -> reporter.findMergedPullRequest(SHA))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));

    fake.forced = FakeGitHub.error(404, "Not Found");
    assertThatThrownBy(
            () ->
                new PullRequestReporter(GitHubSettings.of(fake.url(), TOKEN, "o/r"))
                    .findMergedPullRequest(SHA))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.getMessage()).contains("o/r").contains("token can see");
            });

    fake.forced = FakeGitHub.error(422, "Validation Failed");
    assertThatThrownBy(
            () ->
                new PullRequestReporter(GitHubSettings.of(fake.url(), TOKEN, "o/r"))
                    .upsertComment(3, "<!-- m -->", "b"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  @Test
  void anUnreachableServerIsATransportError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PullRequestReporter dead =
        new PullRequestReporter(GitHubSettings.of("http://127.0.0.1:" + port, TOKEN, "o/r"));

    assertThatThrownBy(() -> dead.upsertComment(3, "<!-- m -->", "b"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_ERROR))
        .satisfies(e -> assertNoToken(e));
  }

  @Test
  void settingsAreValidatedAndNeverShowTheToken() {
    GitHubSettings s = GitHubSettings.of(null, TOKEN, "o/r");
    assertThat(s.apiUrl()).isEqualTo(GitHubSettings.DEFAULT_API_URL);
    assertThat(s.toString()).doesNotContain(TOKEN);
    assertThat(new PullRequestReporter(s).toString()).doesNotContain(TOKEN);
    assertThatThrownBy(() -> GitHubSettings.of(null, " ", "o/r"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pull-requests: write");
    assertThatThrownBy(() -> GitHubSettings.of(null, TOKEN, "just-a-name"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("owner/name");
    assertThatThrownBy(() -> GitHubSettings.of("http://github.example.com", TOKEN, "o/r"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(() -> reporter.findMergedPullRequest("not-a-sha"))
        .isInstanceOf(ConfigurationException.class);
    assertThat(fake.requests).isEmpty();
  }

  @Test
  void anApiUrlThatMayHoldASecretIsRefusedWithoutShowingIt() {
    String canary = "canary-secret";
    String[][] cases = {
      {"http://user:" + canary + "@ghe.example.com/api/v3", "must not contain a user name"},
      {"https://user:can/ary-secret@ghe.example.com/api/v3", "must not contain a user name"},
      {"https://ghe.example.com/api/v3/" + canary + " x", "is not a valid URL (illegal character"},
      {"https://ghe.example.com/api/v3?access_token=" + canary, "must not have a query"},
      {"ghp_" + canary, "is not an absolute URL with a scheme and host"},
    };
    for (String[] c : cases) {
      Throwable e =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> GitHubSettings.of(c[0], TOKEN, "o/r"));
      assertThat(e).as(c[0]).isInstanceOf(ConfigurationException.class);
      assertThat(e.getMessage()).as(c[0]).startsWith("the GitHub API URL").contains(c[1]);
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertThat(t.toString()).as(c[0]).doesNotContain("ary-secret");
      }
    }
    Throwable fromUri =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                new GitHubSettings(
                    java.net.URI.create("https://u:" + canary + "@ghe.example.com"),
                    TOKEN,
                    "o/r",
                    null,
                    null));
    assertThat(fromUri).hasMessageContaining("must not contain a user name");
    assertThat(fromUri.getMessage()).doesNotContain(canary);
    assertThat(GitHubSettings.of("https://ghe.example.com/api/v3", TOKEN, "o/r").toString())
        .contains("apiUrl=https://ghe.example.com/api/v3");
  }

  private static void assertNoToken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
      assertThat(t.toString()).doesNotContain(TOKEN);
    }
  }
}
