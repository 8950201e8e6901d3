package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.Objects;

/**
 * What the deploy-request workflow does.
 *
 * @param intoBranch null for the branch's parent or the database's default branch
 * @param allowDataLoss deploy even when an operation can drop data
 * @param gated open the request with auto-cutover off, so the deploy stops in pending_cutover
 * @param applyCutover when gated, apply the cutover once the deploy reaches pending_cutover; when
 *     false the workflow returns at pending_cutover
 * @param skipRevert end the revert window at once after the deploy completes
 * @param closeAfterPreview close the request after a preview (so no request is left open)
 */
public record DeployRequestOptions(
    DatabaseRef database,
    String branch,
    String intoBranch,
    DeployMode mode,
    boolean allowDataLoss,
    boolean gated,
    boolean applyCutover,
    boolean skipRevert,
    boolean closeAfterPreview,
    String notes,
    WaitPolicy diffWait,
    WaitPolicy deployWait) {
  public DeployRequestOptions {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(mode, "mode");
    diffWait = diffWait == null ? WaitPolicy.defaults() : diffWait;
    deployWait =
        deployWait == null ? WaitPolicy.withTimeout(java.time.Duration.ofMinutes(30)) : deployWait;
  }

  /** A preview into the default target that closes the request afterwards. */
  public static DeployRequestOptions preview(DatabaseRef database, String branch) {
    return new DeployRequestOptions(
        database,
        branch,
        null,
        DeployMode.PREVIEW,
        false,
        false,
        true,
        false,
        true,
        null,
        null,
        null);
  }

  /** A deploy with every gate on, auto cutover, and the revert window kept. */
  public static DeployRequestOptions deploy(DatabaseRef database, String branch) {
    return new DeployRequestOptions(
        database,
        branch,
        null,
        DeployMode.DEPLOY,
        false,
        false,
        true,
        false,
        false,
        null,
        null,
        null);
  }
}
