package io.github.planetscaleci.core.github;

/**
 * The sticky pull-request comment after an upsert.
 *
 * @param id GitHub's comment id
 * @param htmlUrl the comment's page, or null when GitHub did not send it
 * @param action what the upsert did
 */
public record StickyComment(long id, String htmlUrl, Action action) {
  /** What an upsert did to the comment. */
  public enum Action {
    /** No comment had the marker: a new one was posted. */
    CREATED,
    /** The comment with the marker was edited in place. */
    UPDATED,
    /** The comment already had this body: nothing was sent. */
    UNCHANGED
  }
}
