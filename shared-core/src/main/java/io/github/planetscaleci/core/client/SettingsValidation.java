package io.github.planetscaleci.core.client;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.net.URI;

/**
 * Checks base URL and credentials before a client is built. A URL that may hold a secret (user name
 * or password, query, fragment, malformed) is refused without being shown ({@link SafeUrls}); other
 * messages show it through {@link SafeUrls#display}.
 */
final class SettingsValidation {
  static final String WHAT = "the API URL";
  private static final String CREDENTIALS =
      "use the service token settings (service token id and service token) for credentials";

  private SettingsValidation() {}

  static void validate(URI baseUrl, Credentials credentials) {
    if (credentials == null) {
      throw new ConfigurationException(
          "no PlanetScale credentials: set a service token id and service token"
              + " (PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN) or an OAuth token");
    }
    if (baseUrl == null) {
      throw new ConfigurationException(
          WHAT + " is missing: give the base URL, such as " + ClientSettings.DEFAULT_BASE_URL);
    }
    SafeUrls.check(baseUrl, WHAT, ClientSettings.DEFAULT_BASE_URL, CREDENTIALS);
    if (SafeUrls.isHttpsOrLoopbackHttp(baseUrl)) {
      return;
    }
    throw new ConfigurationException(
        WHAT
            + " '"
            + SafeUrls.display(baseUrl)
            + "' must use https (plain http is allowed only for localhost, for the emulator)");
  }

  /** Parses a URL given as text; one that may hold a secret is refused without being shown. */
  static URI parse(String text) {
    if (text == null) {
      return null;
    }
    return SafeUrls.parse(text, WHAT, ClientSettings.DEFAULT_BASE_URL, CREDENTIALS);
  }
}
