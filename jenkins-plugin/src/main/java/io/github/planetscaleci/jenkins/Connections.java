package io.github.planetscaleci.jenkins;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.workflow.Workflows;

/** Builds core clients for the steps: base URL, service token and a Jenkins user agent. */
final class Connections {
  /** Stands in for the real token where only the URL is checked. */
  private static final ServiceToken CHECK_TOKEN = new ServiceToken("check", "check");

  private Connections() {}

  /** Validates the URL without a request; throws core's ConfigurationException if it is bad. */
  static void checkApiUrl(String apiUrl) {
    settings(apiUrl, CHECK_TOKEN);
  }

  static PlanetScaleClient client(String apiUrl, ServiceToken token) {
    return PlanetScaleClient.create(settings(apiUrl, token));
  }

  static Workflows workflows(PlanetScaleClient client, WorkflowListener listener) {
    return new Workflows(client, listener);
  }

  private static ClientSettings settings(String apiUrl, ServiceToken token) {
    ClientSettings.Builder b =
        ClientSettings.builder(token).userAgentSuffix("jenkins/" + version());
    if (apiUrl != null) {
      // Core refuses a URL that may hold a secret (user info, query, fragment, malformed) without
      // showing it, and shows others as scheme, host, port and path only.
      b.baseUrl(apiUrl.strip());
    }
    return b.build();
  }

  static String version() {
    String v = Connections.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
