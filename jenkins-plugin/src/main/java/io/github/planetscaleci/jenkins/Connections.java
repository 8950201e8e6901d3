package io.github.planetscaleci.jenkins;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.workflow.Workflows;
import java.net.URI;

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
      b.baseUrl(apiUri(apiUrl.strip()));
    }
    return b.build();
  }

  /**
   * The API URL, parsed without echoing a part that may hold a secret ({@link SafeUrls}). A user
   * name or password is left to core, whose message says so without showing the URL; what core may
   * still show (e.g. "must use https") is scheme, host and path only.
   */
  private static URI apiUri(String text) {
    return SafeUrls.parse(
        text,
        "the API URL",
        ClientSettings.DEFAULT_BASE_URL,
        t -> {
          // core refuses user info (also in a malformed URL holding an '@') without showing it;
          // any other message of its shows the URL cut before the last '@', without a query
          ClientSettings.Builder b = ClientSettings.builder(CHECK_TOKEN).baseUrl(t);
          b.build();
        });
  }

  static String version() {
    String v = Connections.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
