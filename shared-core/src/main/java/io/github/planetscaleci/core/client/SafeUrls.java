package io.github.planetscaleci.core.client;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Base URLs a user typed (the PlanetScale API URL, a GitHub Enterprise API URL), checked without
 * ever showing a part that may hold a secret. Refused, with a message that does not show the URL: a
 * user name or password (any {@code @} before the query: a password holding '/' would otherwise cut
 * the authority short and pass as a path), a malformed URL (the parser's own message quotes the
 * input, so neither it nor the exception is kept), a query or fragment (tokens are pasted there),
 * and a URL without a scheme and host (a token pasted into the wrong field). What a caller may show
 * of a URL that passed is {@link #display}: scheme, host, port and path.
 */
public final class SafeUrls {
  private SafeUrls() {}

  /**
   * A typed URL, parsed and checked.
   *
   * @param what the URL in a message, e.g. "the API URL"
   * @param example a valid value to suggest
   * @param credentialsAdvice where credentials go instead, e.g. "use the service token settings"
   * @throws ConfigurationException saying what is wrong and what to do, never showing the URL
   */
  public static URI parse(String text, String what, URI example, String credentialsAdvice) {
    String t = text.strip();
    if (beforeQuery(t).contains("@")) {
      throw credentials(what, credentialsAdvice);
    }
    URI uri;
    try {
      uri = new URI(t);
    } catch (URISyntaxException e) {
      // Neither e.getMessage() nor e as the cause: both quote the input.
      throw new ConfigurationException(
          what
              + " is not a valid URL ("
              + e.getReason().toLowerCase(Locale.ROOT)
              + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
              + "; the URL is not shown here as it may hold a secret): give the base URL, such as "
              + example);
    }
    return check(uri, what, example, credentialsAdvice);
  }

  /** The same checks for a URL given as a {@link URI}. */
  public static URI check(URI uri, String what, URI example, String credentialsAdvice) {
    if (uri.getRawUserInfo() != null || beforeQuery(uri.toString()).contains("@")) {
      throw credentials(what, credentialsAdvice);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigurationException(
          what
              + " must not have a query (?...) or fragment (#...) (it is not shown here as it may"
              + " hold a secret): give the base URL, such as "
              + example
              + ", and any token through the credentials");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new ConfigurationException(
          what
              + " is not an absolute URL with a scheme and host (it is not shown here as it may"
              + " hold a secret): give the base URL, such as "
              + example);
    }
    return uri;
  }

  /**
   * A URL for a message or {@code toString()}: scheme, host, port and path; anything that could be
   * a user name, password, query or fragment is left out.
   */
  public static String display(URI uri) {
    if (uri == null) {
      return null;
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return "(not shown)";
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  /**
   * True for an {@code https} URL, or a plain {@code http} one to a loopback host ({@link
   * #isLoopback}): the only ones a token may be sent to.
   */
  public static boolean isHttpsOrLoopbackHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https")
        || (scheme.equals("http") && uri.getHost() != null && isLoopback(uri.getHost()));
  }

  /**
   * True for hosts on this machine ({@code localhost}, 127.0.0.0/8, ::1), the only ones allowed
   * without TLS. A name other than {@code localhost} is never resolved.
   */
  public static boolean isLoopback(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String beforeQuery(String text) {
    int end = text.length();
    for (char c : new char[] {'?', '#'}) {
      int i = text.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return text.substring(0, end);
  }

  private static ConfigurationException credentials(String what, String advice) {
    return new ConfigurationException(
        what
            + " must not contain a user name or password (it is not shown here): remove the"
            + " user:password@ part; "
            + advice);
  }
}
