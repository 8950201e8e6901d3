package io.github.planetscaleci.core.workflow;

/** What the deploy-request workflow does once the diff is known. */
public enum DeployMode {
  /** Report diff, lint and data-loss warning, then close the request. */
  PREVIEW,
  /** Gate on lint and data loss, deploy, and wait for the outcome. */
  DEPLOY
}
