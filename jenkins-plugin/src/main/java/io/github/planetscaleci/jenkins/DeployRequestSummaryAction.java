package io.github.planetscaleci.jenkins;

import hudson.model.InvisibleAction;

/**
 * A deploy request's report on the build page ({@code summary.jelly}): plain text from core's
 * {@code TextReport}, which never holds a secret.
 */
public final class DeployRequestSummaryAction extends InvisibleAction {
  private final String text;

  DeployRequestSummaryAction(String text) {
    this.text = text;
  }

  public String getText() {
    return text;
  }
}
