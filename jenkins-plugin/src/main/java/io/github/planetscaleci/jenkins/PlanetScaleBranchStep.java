package io.github.planetscaleci.jenkins;

import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code withPlanetScaleBranch(database: 'app') { ... }}: runs its body against an ephemeral
 * PlanetScale branch of this build, deleted afterwards whatever the outcome.
 *
 * <p>Only {@code database} is mandatory; {@code organization} and {@code credentialsId} fall back
 * to the global configuration, which is why they are setters rather than constructor arguments.
 */
public final class PlanetScaleBranchStep extends Step {
  private final String database;
  private String organization;
  private String credentialsId;
  private String apiUrl;
  private String branch;
  private String parentBranch;
  private boolean seedData;
  private String passwordRole;
  private String passwordTtl;
  private String waitTimeout;
  private boolean keepBranch;
  private String envPrefix;

  @DataBoundConstructor
  public PlanetScaleBranchStep(String database) {
    this.database = Args.clean(database);
  }

  @Override
  public StepExecution start(StepContext context) throws Exception {
    return new BranchStepExecution(context, BranchSettings.of(this, Host.current().defaults()));
  }

  public String getDatabase() {
    return database;
  }

  public String getOrganization() {
    return organization;
  }

  @DataBoundSetter
  public void setOrganization(String organization) {
    this.organization = Args.clean(organization);
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = Args.clean(credentialsId);
  }

  public String getApiUrl() {
    return apiUrl;
  }

  @DataBoundSetter
  public void setApiUrl(String apiUrl) {
    this.apiUrl = Args.clean(apiUrl);
  }

  public String getBranch() {
    return branch;
  }

  @DataBoundSetter
  public void setBranch(String branch) {
    this.branch = Args.clean(branch);
  }

  public String getParentBranch() {
    return parentBranch;
  }

  @DataBoundSetter
  public void setParentBranch(String parentBranch) {
    this.parentBranch = Args.clean(parentBranch);
  }

  public boolean isSeedData() {
    return seedData;
  }

  @DataBoundSetter
  public void setSeedData(boolean seedData) {
    this.seedData = seedData;
  }

  public String getPasswordRole() {
    return passwordRole;
  }

  @DataBoundSetter
  public void setPasswordRole(String passwordRole) {
    this.passwordRole = Args.clean(passwordRole);
  }

  public String getPasswordTtl() {
    return passwordTtl;
  }

  @DataBoundSetter
  public void setPasswordTtl(String passwordTtl) {
    this.passwordTtl = Args.clean(passwordTtl);
  }

  public String getWaitTimeout() {
    return waitTimeout;
  }

  @DataBoundSetter
  public void setWaitTimeout(String waitTimeout) {
    this.waitTimeout = Args.clean(waitTimeout);
  }

  public boolean isKeepBranch() {
    return keepBranch;
  }

  @DataBoundSetter
  public void setKeepBranch(boolean keepBranch) {
    this.keepBranch = keepBranch;
  }

  public String getEnvPrefix() {
    return envPrefix;
  }

  @DataBoundSetter
  public void setEnvPrefix(String envPrefix) {
    this.envPrefix = Args.clean(envPrefix);
  }

  /** Describes the step to Pipeline and the Snippet Generator. */
  @Extension
  @Symbol("withPlanetScaleBranch")
  public static final class DescriptorImpl extends PlanetScaleStepDescriptor {
    @Override
    public String getFunctionName() {
      return "withPlanetScaleBranch";
    }

    @Override
    public String getDisplayName() {
      return "Run the body against an ephemeral PlanetScale branch";
    }

    @Override
    public boolean takesImplicitBlockArgument() {
      return true;
    }

    @Override
    public Set<? extends Class<?>> getProvidedContext() {
      return Set.of(ActiveBranch.class);
    }

    public ListBoxModel doFillPasswordRoleItems() {
      return CredentialsListing.roles();
    }

    public FormValidation doCheckDatabase(@QueryParameter String value) {
      return FormChecks.required(value);
    }

    public FormValidation doCheckBranch(@QueryParameter String value) {
      return FormChecks.check(() -> Args.branch(value, "branch name"));
    }

    public FormValidation doCheckParentBranch(@QueryParameter String value) {
      return FormChecks.check(() -> Args.branch(value, "parent branch"));
    }

    public FormValidation doCheckPasswordTtl(@QueryParameter String value) {
      return FormChecks.check(() -> Durations.parse(value, "passwordTtl"));
    }

    public FormValidation doCheckWaitTimeout(@QueryParameter String value) {
      return FormChecks.check(() -> Durations.parse(value, "waitTimeout"));
    }

    public FormValidation doCheckEnvPrefix(@QueryParameter String value) {
      return FormChecks.check(() -> Args.envPrefix(value));
    }
  }
}
