package io.github.planetscaleci.core.client;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/** Checks base URL and credentials before a client is built. */
final class SettingsValidation {
  private SettingsValidation() {}

  static void validate(URI baseUrl, Credentials credentials) {
    if (credentials == null) {
      throw new ConfigurationException(
          "no PlanetScale credentials: set a service token id and service token"
              + " (PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN) or an OAuth token");
    }
    if (baseUrl == null || baseUrl.getHost() == null || baseUrl.getScheme() == null) {
      throw new ConfigurationException(
          "the API URL '"
              + baseUrl
              + "' is not an absolute URL such as "
              + ClientSettings.DEFAULT_BASE_URL);
    }
    String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return;
    }
    if (scheme.equals("http") && isLoopback(baseUrl.getHost())) {
      return;
    }
    throw new ConfigurationException(
        "the API URL '"
            + baseUrl
            + "' must use https (plain http is allowed only for localhost, for the emulator)");
  }

  static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false; // a name other than localhost: never resolve DNS here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
