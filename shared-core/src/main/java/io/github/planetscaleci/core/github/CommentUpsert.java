package io.github.planetscaleci.core.github;

import io.github.planetscaleci.core.report.CommentMarker;
import java.io.IOException;
import java.net.URL;
import java.util.Locale;
import java.util.function.Predicate;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.HttpException;

/** Finds the comment whose first line is the marker, reading every page, and edits or posts. */
final class CommentUpsert {
  private CommentUpsert() {}

  static StickyComment upsert(Hub hub, int number, String marker, String body) throws IOException {
    String full = CommentMarker.firstLineIs(body, marker) ? body : marker + "\n" + body;
    GHIssue issue = hub.repository().getIssue(number);
    Predicate<String> ours = null;
    // withPageSize(100): GitHub's maximum; hub4j follows the Link rel="next" URLs as given.
    for (GHIssueComment c : issue.listComments().withPageSize(100)) {
      if (!CommentMarker.firstLineIs(c.getBody(), marker)) {
        continue;
      }
      ours = ours == null ? hub.commentAuthor(() -> authorFilter(hub)) : ours;
      if (!ours.test(login(c))) {
        continue; // a marker in someone else's comment is never trusted
      }
      if (full.equals(c.getBody())) {
        return new StickyComment(c.getId(), url(c), StickyComment.Action.UNCHANGED);
      }
      c.update(full);
      return new StickyComment(c.getId(), url(c), StickyComment.Action.UPDATED);
    }
    GHIssueComment created = issue.comment(full);
    return new StickyComment(created.getId(), url(created), StickyComment.Action.CREATED);
  }

  /**
   * Whose comments count as ours: the configured login; else the token's login from {@code GET
   * /user}; that answers 403 to the Actions GITHUB_TOKEN and to app tokens, whose comments are then
   * recognised by a bot login ({@code github-actions[bot]}, {@code <app>[bot]}), which no person
   * can have.
   */
  private static Predicate<String> authorFilter(Hub hub) throws IOException {
    if (hub.settings.commentAuthor() != null) {
      return sameLogin(hub.settings.commentAuthor());
    }
    try {
      return sameLogin(hub.github.getMyself().getLogin());
    } catch (HttpException e) {
      if (e.getResponseCode() == 403 || e.getResponseCode() == 404) {
        return login -> login != null && login.toLowerCase(Locale.ROOT).endsWith("[bot]");
      }
      throw e;
    }
  }

  private static Predicate<String> sameLogin(String expected) {
    return login -> login != null && login.equalsIgnoreCase(expected);
  }

  /** The author's login from the comment JSON; {@code getUser()} would cost a request each. */
  @SuppressWarnings("deprecation")
  private static String login(GHIssueComment c) {
    try {
      return c.getUserName();
    } catch (NullPointerException e) {
      return null; // a comment without a user (deleted account)
    }
  }

  private static String url(GHIssueComment c) {
    URL u = c.getHtmlUrl();
    return u == null ? null : u.toString();
  }
}
