package io.github.planetscaleci.jenkins;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the descriptors of all PlanetScale steps share: the required context and the form helpers
 * for the credentials and API URL fields every step has.
 */
public abstract class PlanetScaleStepDescriptor extends StepDescriptor {
  /** Run and TaskListener only: usable in Declarative {@code options {}} and outside node. */
  @Override
  public Set<? extends Class<?>> getRequiredContext() {
    return Set.of(Run.class, TaskListener.class);
  }

  @POST
  public ListBoxModel doFillCredentialsIdItems(
      @AncestorInPath Item item, @QueryParameter String credentialsId) {
    return CredentialsListing.fill(item, credentialsId);
  }

  public FormValidation doCheckApiUrl(@QueryParameter String value) {
    return FormChecks.check(() -> Args.apiUrl(value, null));
  }
}
