package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.Objects;

/**
 * What the deploy-request workflow does. Start from {@link #preview} or {@link #deploy} and change
 * what differs with the {@code with...} methods, e.g. {@code deploy(db, "feature").withSkipRevert(
 * true)}.
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

  /** These options with another target branch (null: the branch's parent or the default). */
  public DeployRequestOptions withInto(String into) {
    return new DeployRequestOptions(
        database,
        branch,
        into,
        mode,
        allowDataLoss,
        gated,
        applyCutover,
        skipRevert,
        closeAfterPreview,
        notes,
        diffWait,
        deployWait);
  }

  /** These options with the data-loss gate lifted ({@code true}) or kept. */
  public DeployRequestOptions withAllowDataLoss(boolean allow) {
    return new DeployRequestOptions(
        database,
        branch,
        intoBranch,
        mode,
        allow,
        gated,
        applyCutover,
        skipRevert,
        closeAfterPreview,
        notes,
        diffWait,
        deployWait);
  }

  /**
   * These options with a gated cutover: the deploy stops in pending_cutover, and the workflow
   * applies the cutover itself when {@code apply} is true or returns there when it is false.
   */
  public DeployRequestOptions withGatedCutover(boolean apply) {
    return new DeployRequestOptions(
        database,
        branch,
        intoBranch,
        mode,
        allowDataLoss,
        true,
        apply,
        skipRevert,
        closeAfterPreview,
        notes,
        diffWait,
        deployWait);
  }

  /** These options with the revert window skipped ({@code true}) or kept. */
  public DeployRequestOptions withSkipRevert(boolean skip) {
    return new DeployRequestOptions(
        database,
        branch,
        intoBranch,
        mode,
        allowDataLoss,
        gated,
        applyCutover,
        skip,
        closeAfterPreview,
        notes,
        diffWait,
        deployWait);
  }

  /** These options with a preview's request closed afterwards ({@code true}) or left open. */
  public DeployRequestOptions withCloseAfterPreview(boolean close) {
    return new DeployRequestOptions(
        database,
        branch,
        intoBranch,
        mode,
        allowDataLoss,
        gated,
        applyCutover,
        skipRevert,
        close,
        notes,
        diffWait,
        deployWait);
  }

  /** These options with notes for a request this run opens. */
  public DeployRequestOptions withNotes(String text) {
    return new DeployRequestOptions(
        database,
        branch,
        intoBranch,
        mode,
        allowDataLoss,
        gated,
        applyCutover,
        skipRevert,
        closeAfterPreview,
        text,
        diffWait,
        deployWait);
  }

  /** These options with other waits for the diff and for the deploy (null keeps the default). */
  public DeployRequestOptions withWaits(WaitPolicy diff, WaitPolicy deploy) {
    return new DeployRequestOptions(
        database,
        branch,
        intoBranch,
        mode,
        allowDataLoss,
        gated,
        applyCutover,
        skipRevert,
        closeAfterPreview,
        notes,
        diff,
        deploy);
  }
}
