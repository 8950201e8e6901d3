package io.github.planetscaleci.emulator.schema;

import static io.github.planetscaleci.emulator.schema.EmbeddedMariaDb.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.emulator.support.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Diff, apply and re-diff against real schemas: every migration must converge. */
class SchemaDiffTest {
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

  /** A migration's first diff and the target schema it was applied to. */
  record Migration(SchemaDiff diff, String target, SchemaSnapshot source) {
    DdlOperation only() {
      assertThat(diff.operations()).hasSize(1);
      return diff.operations().get(0);
    }

    Map<String, Boolean> canDropData() {
      return diff.operations().stream()
          .collect(Collectors.toMap(DdlOperation::table, DdlOperation::canDropData));
    }
  }

  private static String schema(String... ddl) throws SQLException {
    String name = "d" + SCHEMAS.incrementAndGet();
    exec(admin, "CREATE DATABASE " + name);
    admin.setCatalog(name);
    exec(admin, ddl);
    return name;
  }

  /** Builds target and source, diffs, applies to target and checks that a re-diff is empty. */
  private Migration migrate(String[] targetDdl, String... sourceDdl) throws SQLException {
    String target = schema(targetDdl);
    String source = schema(sourceDdl);
    SchemaSnapshot sourceSnapshot = engine.snapshot(admin, source);
    SchemaDiff diff = engine.diff(engine.snapshot(admin, target), sourceSnapshot);
    engine.apply(admin, target, diff.operations());
    SchemaDiff again = engine.diff(engine.snapshot(admin, target), sourceSnapshot);
    assertThat(again.tables()).as("re-diff after %s", diff.operations()).isEmpty();
    assertThat(again.isEmpty()).isTrue();
    return new Migration(diff, target, sourceSnapshot);
  }

  private static String[] of(String... ddl) {
    return ddl;
  }

  private static List<String> rows(String sql) throws SQLException {
    return Jdbc.rows(admin, sql);
  }

  @Test
  void addColumnWithDefaultKeepsRows() throws SQLException {
    Migration m =
        migrate(
            of(
                "CREATE TABLE t (id int PRIMARY KEY, name varchar(10))",
                "INSERT INTO t VALUES (1, 'a'), (2, 'b')"),
            "CREATE TABLE t (id int PRIMARY KEY, name varchar(10), score int NOT NULL DEFAULT 7)");

    assertThat(m.diff().tables())
        .containsExactly(
            new TableChange(
                "t", TableChange.Kind.ALTERED, "+   `score` int(11) NOT NULL DEFAULT 7,"));
    assertThat(m.only())
        .isEqualTo(
            new DdlOperation(
                "t",
                "ALTER",
                "ALTER TABLE `t` ADD COLUMN `score` int(11) NOT NULL DEFAULT 7 AFTER `name`",
                false));
    assertThat(rows("SELECT * FROM " + m.target() + ".t ORDER BY id"))
        .containsExactly("1|a|7", "2|b|7");
  }

  @Test
  void addIndexAndUniqueKeyInOneAlter() throws SQLException {
    Migration m =
        migrate(
            of("CREATE TABLE t (id int PRIMARY KEY, name varchar(10), email varchar(50))"),
            "CREATE TABLE t (id int PRIMARY KEY, name varchar(10), email varchar(50),"
                + " UNIQUE KEY uq_email (email), KEY idx_name (name))");

    DdlOperation op = m.only();
    assertThat(op.ddl())
        .startsWith("ALTER TABLE `t` ADD ")
        .contains("ADD UNIQUE KEY `uq_email` (`email`)")
        .contains("ADD KEY `idx_name` (`name`)");
    assertThat(op.canDropData()).isFalse();
    assertThat(m.diff().tables().get(0).raw().lines())
        .containsExactly(
            "-   PRIMARY KEY (`id`)",
            "+   PRIMARY KEY (`id`),",
            "+   UNIQUE KEY `uq_email` (`email`),",
            "+   KEY `idx_name` (`name`)");
  }

  @Test
  void modifyColumnTypeKeepsDefaultCommentAndRows() throws SQLException {
    Migration m =
        migrate(
            of(
                "CREATE TABLE t (id int PRIMARY KEY,"
                    + " name varchar(50) NOT NULL DEFAULT 'n' COMMENT 'the name',"
                    + " price decimal(10,2) NOT NULL DEFAULT 0.00)",
                "INSERT INTO t VALUES (1, 'kept', 1.50)"),
            "CREATE TABLE t (id int PRIMARY KEY,"
                + " name varchar(100) NOT NULL DEFAULT 'n' COMMENT 'the name',"
                + " price decimal(12,2) NOT NULL DEFAULT 0.00)");

    assertThat(m.only().ddl())
        .isEqualTo(
            "ALTER TABLE `t` MODIFY COLUMN `name` varchar(100) NOT NULL DEFAULT 'n' COMMENT"
                + " 'the name', MODIFY COLUMN `price` decimal(12,2) NOT NULL DEFAULT 0.00");
    assertThat(m.only().canDropData()).isFalse();
    assertThat(m.diff().tables().get(0).raw())
        .contains("- ", "+ ", "varchar(50)", "varchar(100)")
        .doesNotContain("PRIMARY KEY");
    assertThat(rows("SELECT * FROM " + m.target() + ".t")).containsExactly("1|kept|1.50");
  }

  @Test
  void narrowingTypeChangesCanDropData() throws SQLException {
    Migration m =
        migrate(
            of(
                "CREATE TABLE shorter (id int PRIMARY KEY, s varchar(100))",
                "CREATE TABLE smaller_int (id int PRIMARY KEY, n int)",
                "CREATE TABLE enum_removed (id int PRIMARY KEY, e enum('a','b','c'))",
                "CREATE TABLE enum_added (id int PRIMARY KEY, e enum('a','b'))",
                "CREATE TABLE wider (id int PRIMARY KEY, n smallint, t text)"),
            "CREATE TABLE shorter (id int PRIMARY KEY, s varchar(10))",
            "CREATE TABLE smaller_int (id int PRIMARY KEY, n tinyint)",
            "CREATE TABLE enum_removed (id int PRIMARY KEY, e enum('a','b'))",
            "CREATE TABLE enum_added (id int PRIMARY KEY, e enum('a','b','c'))",
            "CREATE TABLE wider (id int PRIMARY KEY, n bigint, t mediumtext)");

    assertThat(m.canDropData())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "shorter", true,
                "smaller_int", true,
                "enum_removed", true,
                "enum_added", false,
                "wider", false));
    assertThat(m.diff().operations())
        .extracting(DdlOperation::table)
        .containsExactly("enum_added", "enum_removed", "shorter", "smaller_int", "wider");
  }

  @Test
  void dropColumnAndIndexKeepsOtherColumns() throws SQLException {
    Migration m =
        migrate(
            of(
                "CREATE TABLE t (id int PRIMARY KEY, a int, b int, KEY idx_b (b))",
                "CREATE TABLE u (id int PRIMARY KEY, a int, KEY idx_a (a))",
                "INSERT INTO t VALUES (1, 10, 100)"),
            "CREATE TABLE t (id int PRIMARY KEY, a int)",
            "CREATE TABLE u (id int PRIMARY KEY, a int)");

    assertThat(m.diff().operations())
        .containsExactly(
            new DdlOperation(
                "t", "ALTER", "ALTER TABLE `t` DROP INDEX `idx_b`, DROP COLUMN `b`", true),
            new DdlOperation("u", "ALTER", "ALTER TABLE `u` DROP INDEX `idx_a`", false));
    assertThat(m.diff().tables().get(0).raw())
        .isEqualTo(
            String.join(
                "\n",
                "-   `b` int(11) DEFAULT NULL,",
                "-   PRIMARY KEY (`id`),",
                "-   KEY `idx_b` (`b`)",
                "+   PRIMARY KEY (`id`)"));
    assertThat(rows("SELECT * FROM " + m.target() + ".t")).containsExactly("1|10");
  }

  @Test
  void createTableWithPrimaryKeyAndIndex() throws SQLException {
    Migration m =
        migrate(
            of(),
            "CREATE TABLE t (id bigint NOT NULL AUTO_INCREMENT, name varchar(10),"
                + " PRIMARY KEY (id), KEY idx_name (name))",
            "INSERT INTO t (name) VALUES ('a'), ('b')");

    String created = m.source().tables().get("t");
    assertThat(created).contains("AUTO_INCREMENT=3");
    DdlOperation op = m.only();
    assertThat(op.operationName()).isEqualTo("CREATE");
    assertThat(op.ddl()).isEqualTo(created.replace(" AUTO_INCREMENT=3", ""));
    assertThat(op.canDropData()).isFalse();
    TableChange change = m.diff().tables().get(0);
    assertThat(change.kind()).isEqualTo(TableChange.Kind.CREATED);
    assertThat(change.raw().lines()).hasSize(op.ddl().split("\n").length);
    assertThat(change.raw().lines()).allMatch(l -> l.startsWith("+ "));
  }

  @Test
  void dropTable() throws SQLException {
    Migration m =
        migrate(
            of(
                "CREATE TABLE keep (id int PRIMARY KEY)",
                "CREATE TABLE old (id int PRIMARY KEY, v int)"),
            "CREATE TABLE keep (id int PRIMARY KEY)");

    assertThat(m.only()).isEqualTo(new DdlOperation("old", "DROP", "DROP TABLE `old`", true));
    TableChange change = m.diff().tables().get(0);
    assertThat(change.kind()).isEqualTo(TableChange.Kind.DROPPED);
    assertThat(change.raw().lines()).hasSize(5).allMatch(l -> l.startsWith("- "));
  }

  @Test
  void renameIsDropPlusAddAndCanDropData() throws SQLException {
    Migration m =
        migrate(
            of("CREATE TABLE t (id int PRIMARY KEY, old_name int)"),
            "CREATE TABLE t (id int PRIMARY KEY, new_name int)");

    assertThat(m.only())
        .isEqualTo(
            new DdlOperation(
                "t",
                "ALTER",
                "ALTER TABLE `t` DROP COLUMN `old_name`,"
                    + " ADD COLUMN `new_name` int(11) DEFAULT NULL AFTER `id`",
                true));
  }

  @Test
  void reorderedColumnsAndChangedPrimaryKeyConverge() throws SQLException {
    Migration m =
        migrate(
            of(
                "CREATE TABLE t (id int NOT NULL, a int, b int, c int NOT NULL, PRIMARY KEY (id))",
                "INSERT INTO t VALUES (1, 2, 3, 4)"),
            "CREATE TABLE t (c int NOT NULL, b int, id int NOT NULL, x int, a int,"
                + " PRIMARY KEY (id, c))");

    assertThat(m.only().ddl())
        .startsWith("ALTER TABLE `t` DROP PRIMARY KEY, MODIFY COLUMN `c`")
        .endsWith("ADD PRIMARY KEY (`id`,`c`)");
    assertThat(m.only().canDropData()).isFalse();
    assertThat(rows("SELECT c, b, id, x, a FROM " + m.target() + ".t"))
        .containsExactly("4|3|1|null|2");
  }

  @Test
  void autoIncrementCountersAndDefaultCharsetsAreNoise() throws SQLException {
    String[] target = {
      "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, s varchar(10))",
      "INSERT INTO t (s) VALUES ('a'), ('b'), ('c'), ('d')"
    };
    String charset = rows("SELECT @@character_set_server").get(0);
    Migration m =
        migrate(
            target,
            "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                + " s varchar(10) CHARACTER SET "
                + charset
                + ") AUTO_INCREMENT=100 DEFAULT CHARSET="
                + charset);

    assertThat(m.source().tables().get("t")).contains("AUTO_INCREMENT=100");
    assertThat(m.diff().isEmpty()).isTrue();
    assertThat(m.diff().operations()).isEmpty();
  }

  @Test
  void viewsAreCreatedReplacedAndDroppedAroundTableChanges() throws SQLException {
    Migration m =
        migrate(
            of(
                "CREATE TABLE t (id int PRIMARY KEY)",
                "CREATE VIEW v_old AS SELECT id FROM t",
                "CREATE VIEW v_same AS SELECT id FROM t",
                "CREATE VIEW v_changed AS SELECT id FROM t"),
            "CREATE TABLE t (id int PRIMARY KEY, name varchar(10))",
            "CREATE VIEW v_same AS SELECT id FROM t",
            "CREATE VIEW v_changed AS SELECT id, name FROM t",
            "CREATE VIEW v_new AS SELECT name FROM v_changed");

    assertThat(m.diff().tables())
        .extracting(TableChange::table, TableChange::kind)
        .containsExactly(
            Tuple.tuple("t", TableChange.Kind.ALTERED),
            Tuple.tuple("v_changed", TableChange.Kind.ALTERED),
            Tuple.tuple("v_new", TableChange.Kind.CREATED),
            Tuple.tuple("v_old", TableChange.Kind.DROPPED));
    assertThat(m.diff().operations())
        .extracting(DdlOperation::table, DdlOperation::operationName)
        .containsExactly(
            Tuple.tuple("v_old", "DROP"),
            Tuple.tuple("t", "ALTER"),
            Tuple.tuple("v_changed", "ALTER"),
            Tuple.tuple("v_new", "CREATE"));
    assertThat(m.diff().operations().get(2).ddl()).startsWith("CREATE OR REPLACE ");
    assertThat(m.diff().operations()).noneMatch(DdlOperation::canDropData);
  }

  @Test
  void diffReportsLintOfTheSource() throws SQLException {
    SchemaDiff diff =
        engine.diff(
            engine.snapshot(admin, schema("CREATE TABLE keyed (id int PRIMARY KEY)")),
            engine.snapshot(
                admin,
                schema("CREATE TABLE keyed (id int PRIMARY KEY)", "CREATE TABLE loose (v int)")));

    assertThat(diff.lint()).extracting(LintIssue::table).containsExactly("loose");
    assertThat(diff.lint()).extracting(LintIssue::lintError).containsExactly("NO_UNIQUE_KEY");
  }
}
