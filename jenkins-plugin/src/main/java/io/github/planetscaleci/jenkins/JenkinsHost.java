package io.github.planetscaleci.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import jenkins.model.Jenkins;

/** {@link Host} backed by the running Jenkins: the credentials plugin and the global settings. */
final class JenkinsHost implements Host {
  static final JenkinsHost INSTANCE = new JenkinsHost(new CredentialsPlugin());

  private final CredentialStore credentials;

  JenkinsHost(CredentialStore credentials) {
    this.credentials = credentials;
  }

  /**
   * The two calls into the credentials plugin: a seam so that plain tests can check which build a
   * lookup runs for and what gets tracked, since the plugin itself needs a running Jenkins.
   */
  interface CredentialStore {
    /** The credentials {@code id} as the build {@code run} may see them, or null. */
    StandardCredentials find(String id, Run<?, ?> run);

    /** Records on the build that it used {@code c}. */
    void track(Run<?, ?> run, StandardCredentials c);
  }

  /** The credentials plugin: lookup with the build's permissions and parameters, then tracking. */
  private static final class CredentialsPlugin implements CredentialStore {
    @Override
    public StandardCredentials find(String id, Run<?, ?> run) {
      return CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
    }

    @Override
    public void track(Run<?, ?> run, StandardCredentials c) {
      CredentialsProvider.track(run, c);
    }
  }

  @Override
  public ServiceToken serviceToken(Run<?, ?> run, String credentialsId) throws AbortException {
    return ServiceTokens.from(find(run, credentialsId, "PlanetScale service token"), credentialsId);
  }

  @Override
  public String gitHubToken(Run<?, ?> run, String credentialsId) throws AbortException {
    return ServiceTokens.secretOf(find(run, credentialsId, "GitHub token"), credentialsId);
  }

  private StandardCredentials find(Run<?, ?> run, String id, String what) throws AbortException {
    // findCredentialById checks the build's permissions (and build parameters); it does not
    // record usage, so track() is called as credentials-binding does.
    StandardCredentials c = credentials.find(id, run);
    if (c == null) {
      throw new AbortException(
          Failures.prefix("configuration")
              + "no credentials with id '"
              + id
              + "' are visible to this build; add the "
              + what
              + " in Manage Jenkins » Credentials (see the help of credentialsId)");
    }
    credentials.track(run, c);
    return c;
  }

  @Override
  public Defaults defaults() {
    if (Jenkins.getInstanceOrNull() == null) {
      return Defaults.NONE;
    }
    PlanetScaleGlobalConfiguration g = PlanetScaleGlobalConfiguration.get();
    return new Defaults(g.getOrganization(), g.getCredentialsId(), g.getApiUrl());
  }

  @Override
  public String runUrl(Run<?, ?> run) {
    Jenkins j = Jenkins.getInstanceOrNull();
    String root = j == null ? null : j.getRootUrl();
    return root == null ? null : root + run.getUrl();
  }
}
