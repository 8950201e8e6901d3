package io.github.planetscaleci.jenkins;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.workflow.Workflows;

/** Builds core clients for the steps: base URL, service token and a Jenkins user agent. */
final class Connections {
  private Connections() {}

  /** Validates the URL without a request; throws core's ConfigurationException if it is bad. */
  static void checkApiUrl(String apiUrl) {
    settings(apiUrl, new ServiceToken("check", "check"));
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
      try {
        b.baseUrl(apiUrl.trim());
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "the API URL '"
                + apiUrl
                + "' is not a valid URL such as "
                + ClientSettings.DEFAULT_BASE_URL);
      }
    }
    return b.build();
  }

  static String version() {
    String v = Connections.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
