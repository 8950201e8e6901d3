package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.SafeUrls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds connection URLs for {@link BranchConnection} and reads {@code access_host_url}.
 *
 * <p>With TLS the URLs ask the client to verify the server certificate and host name, as
 * PlanetScale requires: {@code sslmode=verify_identity} in the {@code mysql://} URL (the spelling
 * of PlanetScale's GitHub Actions recipe, without the OS-specific CA path) and {@code
 * sslMode=VERIFY_IDENTITY} for Connector/J. Without TLS (loopback only) they disable it explicitly.
 */
final class ConnectionUrls {
  static final int DEFAULT_PORT = 3306;

  private ConnectionUrls() {}

  static String mysqlUrl(BranchConnection c) {
    return "mysql://"
        + encode(c.username())
        + ":"
        + encode(c.password())
        + "@"
        + hostPort(c)
        + "/"
        + encode(c.database())
        + (c.tls() ? "?sslmode=verify_identity" : "");
  }

  static String jdbcUrl(BranchConnection c) {
    return "jdbc:mysql://"
        + hostPort(c)
        + "/"
        + encode(c.database())
        + (c.tls() ? "?sslMode=VERIFY_IDENTITY" : "?sslMode=DISABLED&allowPublicKeyRetrieval=true");
  }

  /**
   * The host and port of {@code access_host_url}: {@code host}, {@code host:port}, {@code
   * [v6]:port}.
   */
  record HostPort(String host, int port) {}

  static HostPort parseHost(String accessHostUrl) {
    String s = accessHostUrl.trim();
    int schemeEnd = s.indexOf("://");
    if (schemeEnd >= 0) {
      s = s.substring(schemeEnd + 3);
    }
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      String host = s.substring(1, close);
      String rest = s.substring(close + 1);
      return new HostPort(host, rest.startsWith(":") ? port(rest.substring(1), s) : DEFAULT_PORT);
    }
    int colon = s.lastIndexOf(':');
    if (colon > 0 && s.indexOf(':') == colon) {
      return new HostPort(s.substring(0, colon), port(s.substring(colon + 1), s));
    }
    return new HostPort(s, DEFAULT_PORT);
  }

  /** True for hosts on this machine, the only ones allowed without TLS. */
  static boolean isLoopback(String host) {
    return SafeUrls.isLoopback(host);
  }

  private static int port(String text, String whole) {
    try {
      int port = Integer.parseInt(text);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("access_host_url '" + whole + "' has an invalid port");
  }

  private static String hostPort(BranchConnection c) {
    String host = c.host().contains(":") ? "[" + c.host() + "]" : c.host();
    return host + ":" + c.port();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
