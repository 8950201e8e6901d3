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
    Copy c = new Copy(this);
    c.intoBranch = into;
    return c.build();
  }

  /** These options with the data-loss gate lifted ({@code true}) or kept. */
  public DeployRequestOptions withAllowDataLoss(boolean allow) {
    Copy c = new Copy(this);
    c.allowDataLoss = allow;
    return c.build();
  }

  /**
   * These options with a gated cutover: the deploy stops in pending_cutover, and the workflow
   * applies the cutover itself when {@code apply} is true or returns there when it is false.
   */
  public DeployRequestOptions withGatedCutover(boolean apply) {
    Copy c = new Copy(this);
    c.gated = true;
    c.applyCutover = apply;
    return c.build();
  }

  /** These options with the revert window skipped ({@code true}) or kept. */
  public DeployRequestOptions withSkipRevert(boolean skip) {
    Copy c = new Copy(this);
    c.skipRevert = skip;
    return c.build();
  }

  /** These options with a preview's request closed afterwards ({@code true}) or left open. */
  public DeployRequestOptions withCloseAfterPreview(boolean close) {
    Copy c = new Copy(this);
    c.closeAfterPreview = close;
    return c.build();
  }

  /** These options with notes for a request this run opens. */
  public DeployRequestOptions withNotes(String text) {
    Copy c = new Copy(this);
    c.notes = text;
    return c.build();
  }

  /** These options with other waits for the diff and for the deploy (null keeps the default). */
  public DeployRequestOptions withWaits(WaitPolicy diff, WaitPolicy deploy) {
    Copy c = new Copy(this);
    c.diffWait = diff;
    c.deployWait = deploy;
    return c.build();
  }

  /** A mutable copy that the {@code with...} methods change one field of. */
  private static final class Copy {
    private final DatabaseRef database;
    private final String branch;
    private final DeployMode mode;
    private String intoBranch;
    private boolean allowDataLoss;
    private boolean gated;
    private boolean applyCutover;
    private boolean skipRevert;
    private boolean closeAfterPreview;
    private String notes;
    private WaitPolicy diffWait;
    private WaitPolicy deployWait;

    Copy(DeployRequestOptions o) {
      database = o.database;
      branch = o.branch;
      mode = o.mode;
      intoBranch = o.intoBranch;
      allowDataLoss = o.allowDataLoss;
      gated = o.gated;
      applyCutover = o.applyCutover;
      skipRevert = o.skipRevert;
      closeAfterPreview = o.closeAfterPreview;
      notes = o.notes;
      diffWait = o.diffWait;
      deployWait = o.deployWait;
    }

    DeployRequestOptions build() {
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
          diffWait,
          deployWait);
    }
  }
}
