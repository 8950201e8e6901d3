/**
 * The emulator's schema engine: clones branch schemas, diffs two schemas into PlanetScale-style
 * deploy-request output (line diff, one DDL operation per table), lints and applies DDL on MariaDB.
 *
 * <h2>Why not jOOQ's {@code Meta.migrateTo}</h2>
 *
 * <p>jOOQ 3.19.38 OSS was evaluated on real MariaDB 11.4 {@code SHOW CREATE TABLE} texts parsed
 * with {@code DSL.using(SQLDialect.MARIADB).meta(Source.of(ddl))}, running its DDL back on MariaDB.
 * Worked: add column ({@code alter table t add `email` varchar(255) default 'x@y'}), drop column,
 * create/drop index ({@code create index `i` on `t`(`c`)}), add/drop unique key ({@code alter table
 * t drop constraint `u`}, accepted by MariaDB 11.4), drop table, rename as drop + add, and {@code
 * AUTO_INCREMENT=5} / charset table options produced no spurious queries. Did not work:
 *
 * <ul>
 *   <li>type changes lose attributes: {@code `name` varchar(50) NOT NULL DEFAULT 'n' COMMENT 'x'}
 *       to {@code varchar(100)} renders {@code change column `name` `name` varchar(100) not null},
 *       dropping the default and the comment (same for {@code decimal(10,2) NOT NULL DEFAULT
 *       0.00});
 *   <li>{@code enum('a','b')} to {@code enum('a','b','c')} is not detected at all;
 *   <li>types are mapped through jOOQ's type system: {@code text} is created as {@code longtext},
 *       {@code mediumtext} back to {@code text} renders {@code longtext};
 *   <li>{@code CREATE TABLE} loses engine, charset, comments; secondary indexes become separate
 *       {@code CREATE INDEX} statements; added columns always go last (no {@code AFTER});
 *   <li>one query per change, so statements would have to be regrouped per table.
 * </ul>
 *
 * <p>Because MariaDB's {@code SHOW CREATE TABLE} is canonical (one column or key per line, types
 * and defaults spelled the same way for equal definitions), the engine compares those lines
 * directly instead ({@link TableDefinition}): CREATE uses the source text (without the {@code
 * AUTO_INCREMENT=n} counter), DROP is {@code DROP TABLE}, and ALTER ({@link AlterPlanner}) is one
 * statement per table: changed keys dropped, columns dropped, columns added or modified with their
 * full source definition and {@code FIRST}/{@code AFTER} position, keys added, table options. A
 * column rename is a drop plus an add. {@code canDropData} is true for a dropped table, a dropped
 * column, or a narrowing type change ({@link ColumnTypes}: smaller length/precision/scale, a
 * smaller integer/text/blob type, removed enum/set values, signedness or type family change).
 * Column charsets equal to the table default are normalised away. Not handled: partition changes,
 * renaming tables, and sequences (ignored). jOOQ is therefore not used at runtime.
 */
package io.github.planetscaleci.emulator.schema;
