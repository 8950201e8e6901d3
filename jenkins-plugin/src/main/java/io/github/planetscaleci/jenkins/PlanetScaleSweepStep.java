package io.github.planetscaleci.jenkins;

import hudson.Extension;
import hudson.util.FormValidation;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code planetscaleSweep(database: 'app', olderThan: '24h')}: deletes this tool's stale branches
 * (named {@code ci-...}, older than the limit, with no open deploy request), e.g. nightly; with
 * {@code closeStaleRequests: true} also the stale deploy requests this tool opened that keep them.
 */
public final class PlanetScaleSweepStep extends Step {
  static final String DEFAULT_OLDER_THAN = "24h";

  private final String database;
  private String organization;
  private String credentialsId;
  private String apiUrl;
  private String olderThan = DEFAULT_OLDER_THAN;
  private boolean dryRun;
  private boolean closeStaleRequests;

  @DataBoundConstructor
  public PlanetScaleSweepStep(String database) {
    this.database = Args.clean(database);
  }

  @Override
  public StepExecution start(StepContext context) throws Exception {
    return new SweepExecution(context, SweepSettings.of(this, Host.current().defaults()));
  }

  public String getDatabase() {
    return database;
  }

  public String getOrganization() {
    return organization;
  }

  @DataBoundSetter
  public void setOrganization(String v) {
    organization = Args.clean(v);
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

  public String getOlderThan() {
    return olderThan;
  }

  @DataBoundSetter
  public void setOlderThan(String v) {
    String c = Args.clean(v);
    olderThan = c == null ? DEFAULT_OLDER_THAN : c;
  }

  public boolean isDryRun() {
    return dryRun;
  }

  @DataBoundSetter
  public void setDryRun(boolean v) {
    dryRun = v;
  }

  public boolean isCloseStaleRequests() {
    return closeStaleRequests;
  }

  /**
   * Also close stale deploy requests this tool opened (notes marked "Opened by planetscale-ci",
   * idle, unchanged for {@code olderThan}) that keep a stale branch, then delete the branch. Off by
   * default: a preview kept open on purpose ({@code keepOpen: true}) looks the same.
   */
  @DataBoundSetter
  public void setCloseStaleRequests(boolean v) {
    closeStaleRequests = v;
  }

  /** Describes the step to Pipeline and the Snippet Generator. */
  @Extension
  @Symbol("planetscaleSweep")
  public static final class DescriptorImpl extends PlanetScaleStepDescriptor {
    @Override
    public String getFunctionName() {
      return "planetscaleSweep";
    }

    @Override
    public String getDisplayName() {
      return "Delete stale PlanetScale CI branches";
    }

    public FormValidation doCheckDatabase(@QueryParameter String value) {
      return FormChecks.required(value);
    }

    public FormValidation doCheckOlderThan(@QueryParameter String value) {
      return FormChecks.check(() -> Durations.parse(value, "olderThan"));
    }
  }
}
