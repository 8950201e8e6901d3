package io.github.planetscaleci.core.client;

/**
 * Filters of the deploy request list; a null field is not sent.
 *
 * @param state {@code open}, {@code closed} or {@code deployed}
 */
public record DeployRequestFilter(String state, String branch, String intoBranch) {
  /** No filter: every deploy request. */
  public static DeployRequestFilter all() {
    return new DeployRequestFilter(null, null, null);
  }

  /** Open deploy requests from {@code branch} into {@code intoBranch} (either may be null). */
  public static DeployRequestFilter open(String branch, String intoBranch) {
    return new DeployRequestFilter("open", branch, intoBranch);
  }
}
