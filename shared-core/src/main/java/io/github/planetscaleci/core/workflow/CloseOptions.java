package io.github.planetscaleci.core.workflow;

/**
 * How to close a branch.
 *
 * @param deleteBranch false keeps the branch (passwords are still deleted)
 * @param force delete even a branch this tool did not create (never a production or default one)
 */
public record CloseOptions(boolean deleteBranch, boolean force) {
  /** Delete the passwords, and the branch if this tool created it. */
  public static CloseOptions defaults() {
    return new CloseOptions(true, false);
  }
}
