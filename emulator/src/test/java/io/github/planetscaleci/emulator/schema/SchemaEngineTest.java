package io.github.planetscaleci.emulator.schema;

import static io.github.planetscaleci.emulator.schema.EmbeddedMariaDb.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.emulator.support.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaEngineTest {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedMariaDb db;
  private static Connection admin;
  private final SchemaEngine engine = new SchemaEngine();

  @BeforeAll
  static void startDb() throws Exception {
    db = EmbeddedMariaDb.start();
    admin = db.connect();
  }

  @AfterAll
  static void stopDb() throws Exception {
    if (admin != null) {
      admin.close();
    }
    if (db != null) {
      db.close();
    }
  }

  /** Creates a fresh schema and runs the statements inside it. */
  static String schema(String... ddl) throws SQLException {
    String name = "s" + SCHEMAS.incrementAndGet();
    exec(admin, "CREATE DATABASE " + name);
    admin.setCatalog(name);
    exec(admin, ddl);
    return name;
  }

  static List<String> rows(String sql) throws SQLException {
    return Jdbc.rows(admin, sql);
  }

  @Test
  void cloneWithoutRowsCopiesTablesViewsAndForeignKeys() throws SQLException {
    String source =
        schema(
            "CREATE TABLE parent (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(20)"
                + " NOT NULL DEFAULT 'x', KEY idx_name (name)) COMMENT 'parents'",
            "CREATE TABLE child (id int PRIMARY KEY, parent_id bigint NOT NULL,"
                + " CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id))",
            "INSERT INTO parent (name) VALUES ('a'), ('b')",
            "CREATE VIEW v_names AS SELECT id, name FROM parent",
            "CREATE VIEW v_first AS SELECT name FROM v_names WHERE id = 1");
    String target = schema();

    engine.cloneSchema(admin, source, target, false);

    SchemaSnapshot copy = engine.snapshot(admin, target);
    assertThat(copy.tables()).containsOnlyKeys("child", "parent", "v_first", "v_names");
    assertThat(copy.tables().get("child")).contains("CONSTRAINT `fk_parent` FOREIGN KEY");
    assertThat(copy.tables().get("v_names")).doesNotContain(source).doesNotContain("DEFINER=");
    assertThat(engine.diff(copy, engine.snapshot(admin, source)).isEmpty()).isTrue();
    assertThat(rows("SELECT count(*) FROM " + target + ".parent")).containsExactly("0");
    exec(admin, "INSERT INTO " + target + ".parent (name) VALUES ('z')");
    assertThat(rows("SELECT name FROM " + target + ".v_first")).containsExactly("z");
  }

  @Test
  void cloneWithRowsCopiesRowsIncludingTablesWithGeneratedColumns() throws SQLException {
    String source =
        schema(
            "CREATE TABLE t (id int PRIMARY KEY, a int, doubled int AS (a * 2) VIRTUAL)",
            "CREATE TABLE u (id int PRIMARY KEY, s varchar(10))",
            "INSERT INTO t (id, a) VALUES (1, 10), (2, 20)",
            "INSERT INTO u VALUES (1, 'one')");
    String target = schema();

    engine.cloneSchema(admin, source, target, true);

    assertThat(rows("SELECT id, a, doubled FROM " + target + ".t ORDER BY id"))
        .containsExactly("1|10|20", "2|20|40");
    assertThat(rows("SELECT * FROM " + target + ".u")).containsExactly("1|one");
    assertThat(rows("SELECT count(*) FROM " + source + ".u")).containsExactly("1");
  }

  @Test
  void cloneOfManyTablesIsComplete() throws SQLException {
    List<String> ddl = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ddl.add("CREATE TABLE t" + i + " (id int PRIMARY KEY, v varchar(10), KEY k (v))");
    }
    String source = schema(ddl.toArray(String[]::new));
    String target = schema();

    engine.cloneSchema(admin, source, target, false);

    SchemaSnapshot before = engine.snapshot(admin, source);
    SchemaSnapshot after = engine.snapshot(admin, target);
    assertThat(after.tables()).hasSize(40);
    assertThat(after).isEqualTo(before);
  }

  @Test
  void lintFlagsTablesWithoutNotNullUniqueKey() throws SQLException {
    String name =
        schema(
            "CREATE TABLE no_keys (a int)",
            "CREATE TABLE plain_index (a int NOT NULL, KEY k (a))",
            "CREATE TABLE nullable_unique (a int, b int NOT NULL, UNIQUE KEY u (a, b))",
            "CREATE TABLE with_pk (id int PRIMARY KEY)",
            "CREATE TABLE not_null_unique (a int NOT NULL, b int NOT NULL, UNIQUE KEY u (a, b))",
            "CREATE VIEW v AS SELECT a FROM no_keys");

    List<LintIssue> lint = engine.lint(engine.snapshot(admin, name));

    assertThat(lint)
        .extracting(LintIssue::table)
        .containsExactly("no_keys", "nullable_unique", "plain_index");
    assertThat(lint.get(0))
        .isEqualTo(
            new LintIssue(
                "NO_UNIQUE_KEY",
                "table_error",
                "no_keys",
                "",
                "table \"no_keys\" has no unique key: all tables must have at least one unique,"
                    + " not-null key.",
                "https://planetscale.com/docs/learn/change-single-unique-key"));
  }
}
