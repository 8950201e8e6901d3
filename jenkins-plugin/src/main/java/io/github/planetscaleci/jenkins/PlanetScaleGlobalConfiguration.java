package io.github.planetscaleci.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every step (Manage Jenkins » System » PlanetScale): organization, credentials id and
 * API URL. Configuration as Code key: {@code unclassified: planetScale:}. The token itself stays in
 * the credentials store.
 */
@Extension
@Symbol("planetScale")
public class PlanetScaleGlobalConfiguration extends GlobalConfiguration {
  private final transient boolean persistent;
  private String organization;
  private String credentialsId;
  private String apiUrl;

  /** Loads the saved configuration, as Jenkins does when it creates the extension. */
  public PlanetScaleGlobalConfiguration() {
    this(true);
  }

  /** Without persistence, for plain tests (load and save need a running Jenkins). */
  PlanetScaleGlobalConfiguration(boolean persistent) {
    this.persistent = persistent;
    if (persistent) {
      load();
    }
  }

  /** The extension instance Jenkins created. */
  public static PlanetScaleGlobalConfiguration get() {
    return ExtensionList.lookupSingleton(PlanetScaleGlobalConfiguration.class);
  }

  public String getOrganization() {
    return organization;
  }

  @DataBoundSetter
  public void setOrganization(String organization) {
    this.organization = Args.clean(organization);
    persist();
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = Args.clean(credentialsId);
    persist();
  }

  /** The PlanetScale API base URL; null means https://api.planetscale.com/v1. */
  public String getApiUrl() {
    return apiUrl;
  }

  @DataBoundSetter
  public void setApiUrl(String apiUrl) {
    this.apiUrl = Args.clean(apiUrl);
    persist();
  }

  private void persist() {
    if (persistent) {
      save();
    }
  }

  @Override
  public String getDisplayName() {
    return "PlanetScale";
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
