package io.github.planetscaleci.emulator.mysql;

import java.net.URI;

/** An existing MySQL or MariaDB server the emulator uses instead of starting its own. */
public final class ExternalMysql implements MysqlServer {
  private final String host;
  private final int port;
  private final String user;
  private final String password;

  /** Takes a JDBC URL such as {@code jdbc:mariadb://db:3306/} or {@code jdbc:mysql://db:3306}. */
  public ExternalMysql(String jdbcUrl, String user, String password) {
    URI uri = URI.create(jdbcUrl.replaceFirst("^jdbc:", ""));
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("Cannot read host and port from JDBC URL " + jdbcUrl);
    }
    this.host = uri.getHost();
    this.port = uri.getPort() > 0 ? uri.getPort() : 3306;
    this.user = user;
    this.password = password == null ? "" : password;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String adminUser() {
    return user;
  }

  @Override
  public String adminPassword() {
    return password;
  }

  @Override
  public void close() {
    // Not ours to stop; the emulator drops its own schemas and users before this.
  }

  @Override
  public String toString() {
    return "ExternalMysql[" + host + ":" + port + ", user=" + user + "]";
  }
}
