package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Stand-in for workflow-step-api's {@code Step}: a configured Pipeline step invocation. */
@SuppressWarnings("deprecation")
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {

  /** Starts the execution; called on the CPS VM thread. */
  public abstract StepExecution start(StepContext context) throws Exception;

  /** Real: looked up through Jenkins; without Jenkins throws IllegalStateException. */
  @Override
  public StepDescriptor getDescriptor() {
    return (StepDescriptor) super.getDescriptor();
  }
}
