package io.github.planetscaleci.emulator.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The MySQL-compatible server that holds every branch as a schema. */
public interface MysqlServer extends AutoCloseable {

  /** Host clients connect to, e.g. {@code 127.0.0.1}. */
  String host();

  /** TCP port clients connect to. */
  int port();

  /** User with every privilege, used by the emulator itself. */
  String adminUser();

  /** Password of {@link #adminUser()}; empty for the embedded server. */
  String adminPassword();

  /** Whether users this emulator creates may be reached from any host ('%'). */
  default String userHost() {
    return "%";
  }

  /** JDBC URL to one schema (or the server when schema is null). */
  default String jdbcUrl(String schema) {
    return "jdbc:mariadb://"
        + host()
        + ":"
        + port()
        + "/"
        + (schema == null ? "" : schema)
        + "?allowMultiQueries=true&useBulkStmts=false";
  }

  /** Opens a new admin connection. */
  default Connection admin() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(null), adminUser(), adminPassword());
  }

  @Override
  void close();
}
