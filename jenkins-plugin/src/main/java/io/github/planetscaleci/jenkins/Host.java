package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;

/**
 * What the steps need from a running Jenkins: credential lookup, global defaults and the build URL.
 *
 * <p>The one seam between the steps and Jenkins: {@link JenkinsHost} is used in Jenkins, plain
 * tests install a fake with {@link #override}, because these calls need a live Jenkins instance.
 */
public interface Host {

  /**
   * The PlanetScale service token of credential {@code credentialsId}, looked up with the build's
   * permissions and tracked on the build.
   *
   * @throws AbortException when it is missing or of an unusable type (never showing the secret)
   */
  ServiceToken serviceToken(Run<?, ?> run, String credentialsId) throws AbortException;

  /** The secret of a GitHub token credential (secret text, or the password of a username one). */
  String gitHubToken(Run<?, ?> run, String credentialsId) throws AbortException;

  /** The global defaults (Manage Jenkins » System » PlanetScale). */
  Defaults defaults();

  /** The absolute URL of the build page, or null when Jenkins' root URL is not configured. */
  String runUrl(Run<?, ?> run);

  /**
   * Global defaults; any value may be null.
   *
   * @param apiUrl the PlanetScale API base URL
   */
  record Defaults(String organization, String credentialsId, String apiUrl) {
    /** No defaults at all. */
    public static final Defaults NONE = new Defaults(null, null, null);
  }

  /** The host in use: the override if a test installed one, else Jenkins. */
  static Host current() {
    Host h = Hosts.override;
    return h != null ? h : JenkinsHost.INSTANCE;
  }

  /** Installs {@code host} until the returned handle is closed (plain tests only). */
  static AutoCloseable override(Host host) {
    Hosts.override = host;
    return () -> Hosts.override = null;
  }
}
