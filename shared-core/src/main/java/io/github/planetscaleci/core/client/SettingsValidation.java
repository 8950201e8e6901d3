package io.github.planetscaleci.core.client;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Checks base URL and credentials before a client is built. A URL is never echoed with a user name
 * or password in it: such a URL is refused without being shown, and other messages show it through
 * {@link #display}.
 */
final class SettingsValidation {
  private SettingsValidation() {}

  static void validate(URI baseUrl, Credentials credentials) {
    if (credentials == null) {
      throw new ConfigurationException(
          "no PlanetScale credentials: set a service token id and service token"
              + " (PLANETSCALE_SERVICE_TOKEN_ID / PLANETSCALE_SERVICE_TOKEN) or an OAuth token");
    }
    if (baseUrl != null && hasUserInfo(baseUrl)) {
      throw userInfoRefused();
    }
    if (baseUrl == null || baseUrl.getHost() == null || baseUrl.getScheme() == null) {
      throw new ConfigurationException(
          "the API URL '"
              + display(baseUrl == null ? null : baseUrl.toString())
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
            + display(baseUrl.toString())
            + "' must use https (plain http is allowed only for localhost, for the emulator)");
  }

  /**
   * Parses a URL given as text; a malformed one is refused without echoing what may be a secret.
   */
  static URI parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return URI.create(text.strip());
    } catch (IllegalArgumentException e) {
      if (text.contains("@")) {
        throw userInfoRefused();
      }
      throw new ConfigurationException(
          "the API URL '"
              + display(text)
              + "' is not a valid URL such as "
              + ClientSettings.DEFAULT_BASE_URL);
    }
  }

  /**
   * The URL for a message or {@code toString()}: anything before an {@code @} of the authority is
   * replaced by {@code ***}, since it can only be a user name and password.
   */
  static String display(String url) {
    if (url == null) {
      return null;
    }
    int at = url.lastIndexOf('@');
    if (at < 0) {
      return url;
    }
    int scheme = url.indexOf("://");
    String head = scheme >= 0 && scheme < at ? url.substring(0, scheme + 3) : "";
    return head + "***@" + url.substring(at + 1);
  }

  private static boolean hasUserInfo(URI uri) {
    // An API base URL never needs an '@'. A password holding '#', '?' or '/' cuts the authority
    // short (https://ci:2024#pw@host parses as host "ci", port 2024 and a fragment), so any '@'
    // anywhere in the text is treated as credentials and refused.
    return uri.getRawUserInfo() != null || uri.toString().contains("@");
  }

  private static ConfigurationException userInfoRefused() {
    return new ConfigurationException(
        "the API URL must not contain a user name or password (it is not shown here): remove the"
            + " user:password@ part; use the service token settings (service token id and service"
            + " token) for credentials");
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
