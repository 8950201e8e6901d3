package io.github.planetscaleci.emulator.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded MariaDB for a test class, started exactly as the emulator starts its own (shared
 * binaries cache, no TLS certificate generation), in a temporary directory under target/.
 */
final class EmbeddedMariaDb implements AutoCloseable {
  private final Path dir;
  private final io.github.planetscaleci.emulator.mysql.EmbeddedMariaDb server;

  private EmbeddedMariaDb(Path dir, io.github.planetscaleci.emulator.mysql.EmbeddedMariaDb server) {
    this.dir = dir;
    this.server = server;
  }

  static EmbeddedMariaDb start() throws IOException {
    Path target = Paths.get("target");
    Files.createDirectories(target);
    Path dir = Files.createTempDirectory(target.toAbsolutePath(), "mariadb-schema-");
    return new EmbeddedMariaDb(
        dir, io.github.planetscaleci.emulator.mysql.EmbeddedMariaDb.start(dir));
  }

  Connection connect() throws SQLException {
    return server.admin();
  }

  static void exec(Connection connection, String... statements) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      server.close();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
