package io.github.planetscaleci.emulator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text-level rules that need no database. */
class SchemaTextTest {

  @Test
  void lineDiffPrintsOnlyChangedLinesRemovalsFirst() {
    assertThat(LineDiff.diff("a\nb\nc\nd", "a\nB\nc\nd\ne")).isEqualTo("- b\n+ B\n+ e");
    assertThat(LineDiff.diff("", "x\ny")).isEqualTo("+ x\n+ y");
    assertThat(LineDiff.diff("x", "")).isEqualTo("- x");
    assertThat(LineDiff.diff("same", "same")).isEmpty();
  }

  @Test
  void narrowingDetection() {
    assertThat(ColumnTypes.isNarrowing("`c` varchar(20) NOT NULL", "`c` varchar(5) NOT NULL"))
        .isTrue();
    assertThat(ColumnTypes.isNarrowing("`c` char(5)", "`c` varchar(20)")).isFalse();
    assertThat(ColumnTypes.isNarrowing("`c` decimal(10,2)", "`c` decimal(10,1)")).isTrue();
    assertThat(ColumnTypes.isNarrowing("`c` decimal(10,2)", "`c` decimal(12,3)")).isFalse();
    assertThat(ColumnTypes.isNarrowing("`c` int(11)", "`c` int(10) unsigned")).isTrue();
    assertThat(ColumnTypes.isNarrowing("`c` int(11)", "`c` varchar(20)")).isTrue();
    assertThat(ColumnTypes.isNarrowing("`c` longtext", "`c` text")).isTrue();
    assertThat(ColumnTypes.isNarrowing("`c` set('a','b')", "`c` set('a','b','c')")).isFalse();
    assertThat(ColumnTypes.isNarrowing("`c` int(11) NOT NULL", "`c` int(11) DEFAULT NULL"))
        .isFalse();
  }

  @Test
  void normalisesCountersAndInheritedCharsets() {
    String withNoise =
        "CREATE TABLE `t` (\n"
            + "  `id` int(11) NOT NULL AUTO_INCREMENT,\n"
            + "  `s` varchar(5) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci DEFAULT NULL,\n"
            + "  PRIMARY KEY (`id`)\n"
            + ") ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4"
            + " COLLATE=utf8mb4_general_ci";
    String plain =
        "CREATE TABLE `t` (\n"
            + "  `id` int(11) NOT NULL AUTO_INCREMENT,\n"
            + "  `s` varchar(5) DEFAULT NULL,\n"
            + "  PRIMARY KEY (`id`)\n"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci";
    TableDefinition noisy = TableDefinition.parse("t", withNoise);
    assertThat(noisy.text()).isEqualTo(plain);
    assertThat(noisy.sameStructure(TableDefinition.parse("t", plain))).isTrue();
  }

  @Test
  void keyColumnsAndViewQualifiers() {
    assertThat(Sql.keyColumns("UNIQUE KEY `u` (`a`,`b``c`(10))")).isEqualTo(List.of("a", "b`c"));
    assertThat(
            Sql.stripSchemaQualifier(
                "VIEW `s1`.`v` AS select `s1`.`s1`.`id` AS `id` from `s1`.`s1`", "s1"))
        .isEqualTo("VIEW `v` AS select `s1`.`id` AS `id` from `s1`");
    assertThat(Sql.stripDefiner("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL"))
        .isEqualTo("CREATE ALGORITHM=UNDEFINED SQL");
  }
}
