package io.github.planetscaleci.core.workflow;

import java.util.Objects;

/**
 * Credentials and URLs to reach one branch over MySQL; {@code toString()} never shows the password.
 *
 * @param tls false only for loopback hosts (the emulator); PlanetScale always requires TLS
 */
public record BranchConnection(
    String host,
    int port,
    String username,
    String password,
    String database,
    String branch,
    boolean tls) {
  public BranchConnection {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(database, "database");
  }

  /** {@code mysql://user:password@host:port/database?...}; a secret, as it holds the password. */
  public String mysqlUrl() {
    return ConnectionUrls.mysqlUrl(this);
  }

  /** {@code jdbc:mysql://host:port/database?sslMode=VERIFY_IDENTITY}; holds no credentials. */
  public String jdbcUrl() {
    return ConnectionUrls.jdbcUrl(this);
  }

  @Override
  public String toString() {
    return "BranchConnection[host="
        + host
        + ", port="
        + port
        + ", username="
        + username
        + ", password=***, database="
        + database
        + ", branch="
        + branch
        + ", tls="
        + tls
        + "]";
  }
}
