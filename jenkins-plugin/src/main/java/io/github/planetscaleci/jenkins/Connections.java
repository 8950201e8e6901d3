package io.github.planetscaleci.jenkins;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.workflow.Workflows;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

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
   * Parses the API URL without ever echoing a part that may hold a secret. A URL with a user name
   * or password is left to core, whose message does not show it; a malformed URL, one that is not
   * absolute (e.g. a token pasted into the wrong field) and one with a query or fragment are
   * refused here without being shown. What core may still show (e.g. "must use https") is then
   * scheme, host and path only.
   */
  private static URI apiUri(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      if (text.contains("@")) {
        // core refuses a malformed URL holding an '@' as one with a user name or password,
        // without showing it
        ClientSettings.builder(CHECK_TOKEN).baseUrl(text);
      }
      // Neither e.getMessage() nor e as the cause: both quote the input.
      throw new ConfigurationException(
          "the API URL is not a valid URL ("
              + e.getReason().toLowerCase(Locale.ROOT)
              + " at character "
              + (e.getIndex() + 1)
              + "; the URL is not shown here as it may hold a secret): give the API's base URL,"
              + " such as "
              + ClientSettings.DEFAULT_BASE_URL);
    }
    if (text.contains("@")) {
      // core refuses a user name or password without showing the URL; any other message of its
      // shows the URL cut before the last '@' (and here without the query and fragment)
      ClientSettings.builder(CHECK_TOKEN).baseUrl(withoutQueryAndFragment(text)).build();
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigurationException(
          "the API URL must not have a query (?...) or fragment (#...) (it is not shown here as it"
              + " may hold a secret): give the API's base URL, such as "
              + ClientSettings.DEFAULT_BASE_URL
              + ", and the service token through credentialsId");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new ConfigurationException(
          "the API URL is not an absolute URL with a scheme and host (it is not shown here as it"
              + " may hold a secret): give the API's base URL, such as "
              + ClientSettings.DEFAULT_BASE_URL);
    }
    return uri;
  }

  private static String withoutQueryAndFragment(String text) {
    int end = text.length();
    for (char c : new char[] {'?', '#'}) {
      int i = text.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return text.substring(0, end);
  }

  static String version() {
    String v = Connections.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
