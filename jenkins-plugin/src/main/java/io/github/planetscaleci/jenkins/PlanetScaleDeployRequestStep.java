package io.github.planetscaleci.jenkins;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code planetscaleDeployRequest(deploy: false)}: opens (or reuses) a deploy request for a branch
 * and previews it, or deploys it through core's gates; returns number, url, state and canDropData.
 * Inside {@code withPlanetScaleBranch} it defaults to that block's branch, database and token.
 */
public final class PlanetScaleDeployRequestStep extends Step {
  private String organization;
  private String database;
  private String credentialsId;
  private String apiUrl;
  private String branch;
  private String into;
  private boolean deploy;
  private boolean allowDataLoss;
  private boolean gated;
  private boolean applyCutover = true;
  private boolean skipRevert;
  private boolean keepOpen;
  private String waitTimeout;
  private String githubCredentialsId;
  private String githubRepository;
  private String githubApiUrl;
  private int pullRequest;

  @DataBoundConstructor
  public PlanetScaleDeployRequestStep() {}

  @Override
  public StepExecution start(StepContext context) {
    return new DeployRequestExecution(context, this);
  }

  // Getters and setters: every option is optional.

  public String getOrganization() {
    return organization;
  }

  @DataBoundSetter
  public void setOrganization(String v) {
    organization = Args.clean(v);
  }

  public String getDatabase() {
    return database;
  }

  @DataBoundSetter
  public void setDatabase(String v) {
    database = Args.clean(v);
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String v) {
    credentialsId = Args.clean(v);
  }

  public String getApiUrl() {
    return apiUrl;
  }

  @DataBoundSetter
  public void setApiUrl(String v) {
    apiUrl = Args.clean(v);
  }

  public String getBranch() {
    return branch;
  }

  @DataBoundSetter
  public void setBranch(String v) {
    branch = Args.clean(v);
  }

  public String getInto() {
    return into;
  }

  @DataBoundSetter
  public void setInto(String v) {
    into = Args.clean(v);
  }

  public boolean isDeploy() {
    return deploy;
  }

  @DataBoundSetter
  public void setDeploy(boolean v) {
    deploy = v;
  }

  public boolean isAllowDataLoss() {
    return allowDataLoss;
  }

  @DataBoundSetter
  public void setAllowDataLoss(boolean v) {
    allowDataLoss = v;
  }

  public boolean isGated() {
    return gated;
  }

  @DataBoundSetter
  public void setGated(boolean v) {
    gated = v;
  }

  public boolean isApplyCutover() {
    return applyCutover;
  }

  @DataBoundSetter
  public void setApplyCutover(boolean v) {
    applyCutover = v;
  }

  public boolean isSkipRevert() {
    return skipRevert;
  }

  @DataBoundSetter
  public void setSkipRevert(boolean v) {
    skipRevert = v;
  }

  public boolean isKeepOpen() {
    return keepOpen;
  }

  @DataBoundSetter
  public void setKeepOpen(boolean v) {
    keepOpen = v;
  }

  public String getWaitTimeout() {
    return waitTimeout;
  }

  @DataBoundSetter
  public void setWaitTimeout(String v) {
    waitTimeout = Args.clean(v);
  }

  public String getGithubCredentialsId() {
    return githubCredentialsId;
  }

  @DataBoundSetter
  public void setGithubCredentialsId(String v) {
    githubCredentialsId = Args.clean(v);
  }

  public String getGithubRepository() {
    return githubRepository;
  }

  @DataBoundSetter
  public void setGithubRepository(String v) {
    githubRepository = Args.clean(v);
  }

  public String getGithubApiUrl() {
    return githubApiUrl;
  }

  @DataBoundSetter
  public void setGithubApiUrl(String v) {
    githubApiUrl = Args.clean(v);
  }

  public int getPullRequest() {
    return pullRequest;
  }

  @DataBoundSetter
  public void setPullRequest(int v) {
    pullRequest = v;
  }

  /** Describes the step to Pipeline and the Snippet Generator. */
  @Extension
  @Symbol("planetscaleDeployRequest")
  public static final class DescriptorImpl extends PlanetScaleStepDescriptor {
    @Override
    public String getFunctionName() {
      return "planetscaleDeployRequest";
    }

    @Override
    public String getDisplayName() {
      return "Preview or deploy a PlanetScale deploy request";
    }

    @POST
    public ListBoxModel doFillGithubCredentialsIdItems(
        @AncestorInPath Item item, @QueryParameter String githubCredentialsId) {
      return CredentialsListing.fill(item, githubCredentialsId);
    }

    public FormValidation doCheckBranch(@QueryParameter String value) {
      return FormChecks.check(() -> Args.branch(value, "branch name"));
    }

    public FormValidation doCheckInto(@QueryParameter String value) {
      return FormChecks.check(() -> Args.branch(value, "target branch"));
    }

    public FormValidation doCheckWaitTimeout(@QueryParameter String value) {
      return FormChecks.check(() -> Durations.parse(value, "waitTimeout"));
    }

    public FormValidation doCheckGithubApiUrl(@QueryParameter String value) {
      return FormChecks.check(() -> Args.githubApiUrl(value));
    }
  }
}
