package io.github.planetscaleci.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.report.CommentMarker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StickyCommentTest {
  static final String TOKEN = "ghs_CANARYgithubTOKEN0123456789";
  static final CommentMarker MARKER = new CommentMarker(new DatabaseRef("acme", "app"), "main");

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

  private List<ObjectNode> markerComments(int issue) {
    return fake.commentsOn(issue).stream()
        .filter(c -> MARKER.isFirstLineOf(c.get("body").asText()))
        .toList();
  }

  @Test
  void createsOnceThenUpdatesInPlaceThenSkipsAnUnchangedBody() {
    fake.addComments(7, 3, "alice");

    StickyComment first = reporter.upsertComment(7, MARKER, "diff one");
    StickyComment second = reporter.upsertComment(7, MARKER, "diff two");
    long patchesBefore = fake.count("PATCH");
    StickyComment third = reporter.upsertComment(7, MARKER, "diff two");

    assertThat(first.action()).isEqualTo(StickyComment.Action.CREATED);
    assertThat(second.action()).isEqualTo(StickyComment.Action.UPDATED);
    assertThat(third.action()).isEqualTo(StickyComment.Action.UNCHANGED);
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(third.id()).isEqualTo(first.id());
    assertThat(fake.count("PATCH")).isEqualTo(patchesBefore);
    assertThat(markerComments(7)).hasSize(1);
    assertThat(markerComments(7).get(0).get("body").asText())
        .isEqualTo(MARKER.line() + "\ndiff two");
    assertThat(fake.count("POST /repos/o/r/issues/7/comments")).isEqualTo(1);
    assertThat(fake.requests).contains("PATCH /repos/o/r/issues/comments/" + first.id());
  }

  @Test
  void findsTheMarkerCommentOnTheThirdPage() {
    fake.addComments(7, 230, "alice");
    long ours =
        fake.addComment(7, MARKER.line() + "\nold", "github-actions[bot]").get("id").asLong();
    fake.addComments(7, 5, "bob");

    StickyComment result = reporter.upsertComment(7, MARKER, "new");

    assertThat(result.action()).isEqualTo(StickyComment.Action.UPDATED);
    assertThat(result.id()).isEqualTo(ours);
    assertThat(fake.requests)
        .contains(
            "GET /repos/o/r/issues/7/comments?per_page=100",
            "GET /repositories/1/issues/7/comments?per_page=100&page=2",
            "GET /repositories/1/issues/7/comments?per_page=100&page=3");
    assertThat(fake.count("POST")).isZero();
    assertThat(markerComments(7)).hasSize(1);
  }

  @Test
  void manyUpsertsOverManyPagesLeaveExactlyOneComment() {
    fake.addComments(7, 150, "alice");
    for (int i = 0; i < 8; i++) {
      reporter.upsertComment(7, MARKER, "run " + i);
      fake.addComments(7, 30, "alice");
    }
    assertThat(markerComments(7)).hasSize(1);
    assertThat(markerComments(7).get(0).get("body").asText()).endsWith("run 7");
    assertThat(fake.count("POST")).isEqualTo(1);
  }

  @Test
  void aMarkerInSomeoneElsesCommentOrInsideABodyIsNeverUpdated() {
    ObjectNode mallory = fake.addComment(7, MARKER.line() + "\nfake", "mallory");
    ObjectNode quoted = fake.addComment(7, "see\n" + MARKER.line(), "github-actions[bot]");

    StickyComment result = reporter.upsertComment(7, MARKER, "real");

    assertThat(result.action()).isEqualTo(StickyComment.Action.CREATED);
    assertThat(mallory.get("body").asText()).endsWith("fake");
    assertThat(quoted.get("body").asText()).startsWith("see");
    assertThat(fake.count("PATCH")).isZero();
  }

  @Test
  void withAPersonalTokenTheTokensOwnLoginIsTheAuthor() {
    fake.viewerLogin = "ci-user";
    fake.addComment(7, MARKER.line() + "\nbot's", "github-actions[bot]");
    long ours = fake.addComment(7, MARKER.line() + "\nmine", "ci-user").get("id").asLong();

    StickyComment result = reporter.upsertComment(7, MARKER, "updated");

    assertThat(result.id()).isEqualTo(ours);
    assertThat(fake.count("GET /user")).isEqualTo(1);
  }

  @Test
  void aConfiguredAuthorSkipsTheUserLookup() {
    reporter =
        new PullRequestReporter(
            GitHubSettings.of(fake.url(), TOKEN, "o/r").withCommentAuthor("deploy-bot"));
    long ours = fake.addComment(7, MARKER.line() + "\nx", "deploy-bot").get("id").asLong();

    assertThat(reporter.upsertComment(7, MARKER, "y").id()).isEqualTo(ours);
    assertThat(fake.count("GET /user")).isZero();
  }

  @Test
  void markersOfOtherDatabasesAreSeparateComments() {
    CommentMarker other = new CommentMarker(new DatabaseRef("acme", "billing"), "main");
    reporter.upsertComment(7, MARKER, "app");
    reporter.upsertComment(7, other, "billing");
    reporter.upsertComment(7, MARKER, "app 2");

    assertThat(fake.commentsOn(7)).hasSize(2);
    assertThat(markerComments(7)).hasSize(1);
  }
}
