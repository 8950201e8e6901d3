package io.github.planetscaleci.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.planetscaleci.emulator.schema.SchemaEngine;
import io.github.planetscaleci.emulator.schema.SchemaSnapshot;
import io.github.planetscaleci.emulator.support.Api;
import io.github.planetscaleci.emulator.support.Await;
import io.github.planetscaleci.emulator.support.EmulatorTestBase;
import io.github.planetscaleci.emulator.support.Jdbc;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Branch creation as a whole: concurrent clones of a schema with foreign keys and views. */
class BranchCloneTest extends EmulatorTestBase {
  private static final String SHOP = db("acme", "shop");
  private static final String SCHEMA =
      "CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " email VARCHAR(255) NOT NULL, UNIQUE KEY u_email (email));"
          + "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
          + " customer_id BIGINT NOT NULL, total DECIMAL(10,2) NOT NULL,"
          + " CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id)"
          + " ON DELETE CASCADE);"
          + "CREATE TABLE order_lines (order_id BIGINT NOT NULL, line INT NOT NULL,"
          + " PRIMARY KEY (order_id, line),"
          + " CONSTRAINT fk_order FOREIGN KEY (order_id) REFERENCES orders (id));"
          // The words FOREIGN KEY in a comment must not confuse the clone.
          + "CREATE TABLE tags (id INT PRIMARY KEY, label VARCHAR(20) COMMENT 'FOREIGN KEY (x)');"
          + "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;"
          // Sorts before the view it reads, so it can only be created on a retry.
          + "CREATE VIEW a_big_order_ids AS SELECT id FROM big_orders;"
          + "INSERT INTO customers (email) VALUES ('a@example.com'), ('b@example.com');"
          + "INSERT INTO orders (customer_id, total) VALUES (1, 150), (2, 50);"
          + "INSERT INTO order_lines VALUES (1, 1), (1, 2), (2, 1);";

  @BeforeAll
  void seed() {
    emu.createDatabase("acme", "shop", SCHEMA);
  }

  @Test
  void twentyConcurrentBranchesAreAllFullCopiesWithForeignKeysAndViews() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<Integer>> posts = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        String body =
            "{\"name\":\"c"
                + i
                + "\""
                + (i % 2 == 0 ? ",\"seed_data\":\"last_successful_backup\"" : "")
                + "}";
        posts.add(pool.submit(() -> api.post(SHOP + "/branches", body).status()));
      }
      for (Future<Integer> status : posts) {
        assertThat(status.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, String> mainSchema = schemaOf("main");
    for (int i = 0; i < 20; i++) {
      String name = "c" + i;
      Await.until(
          () -> api.get(SHOP + "/branches/" + name).json(),
          j -> j.path("ready").asBoolean(),
          Duration.ofSeconds(120),
          "branch " + name + " ready");
      assertThat(schemaOf(name)).isEqualTo(mainSchema);
      boolean withData = i % 2 == 0;
      try (Connection c = admin(name)) {
        assertThat(Jdbc.rows(c, "SELECT COUNT(*) FROM order_lines"))
            .containsExactly(withData ? "3" : "0");
        assertThat(Jdbc.rows(c, "SELECT id FROM a_big_order_ids"))
            .isEqualTo(withData ? List.of("1") : List.of());
        assertThat(
                Jdbc.rows(
                    c,
                    "SELECT constraint_name, referenced_table_name, unique_constraint_schema = DATABASE()"
                        + " FROM information_schema.referential_constraints"
                        + " WHERE constraint_schema = DATABASE() ORDER BY constraint_name"))
            .containsExactly("fk_customer|customers|1", "fk_order|orders|1");
        assertThatThrownBy(
                () -> Jdbc.rows(c, "INSERT INTO orders (customer_id, total) VALUES (99, 1)"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("foreign key constraint fails");
      }
    }
  }

  @Test
  void theBaseOfABranchIsItsParentAtCreationTime() throws SQLException {
    readyBranch("acme", "shop", "based", null);
    assertThat(api.get(SHOP + "/branches/based/diff").json().path("data")).isEmpty();
    try (Connection c = admin("main")) {
      Jdbc.rows(c, "CREATE TABLE later_on_main (id INT PRIMARY KEY)");
    }
    try (Connection c = admin("based")) {
      Jdbc.rows(c, "ALTER TABLE tags ADD COLUMN color VARCHAR(10)");
    }
    JsonNode diff = api.get(SHOP + "/branches/based/diff").json().path("data");
    assertThat(diff.findValuesAsText("name")).containsExactly("tags");
    try (Connection c = admin("main")) {
      Jdbc.rows(c, "DROP TABLE later_on_main");
    }
  }

  @Test
  void snapshotsReadWithAndWithoutMultiStatementsAreEqual() throws SQLException {
    String url = emu.adminJdbcUrl("acme", "shop", "main");
    String schema = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    SchemaEngine engine = new SchemaEngine();
    try (Connection multi = admin("main");
        Connection single =
            DriverManager.getConnection(
                url.replace("allowMultiQueries=true", "allowMultiQueries=false"),
                emu.adminUser(),
                emu.adminPassword())) {
      assertThatThrownBy(() -> Jdbc.rows(single, "SELECT 1; SELECT 2"))
          .isInstanceOf(SQLException.class);
      assertThat(engine.snapshot(single, schema)).isEqualTo(engine.snapshot(multi, schema));
      assertThat(engine.snapshot(multi, schema).tables())
          .containsKeys(
              "a_big_order_ids", "big_orders", "customers", "order_lines", "orders", "tags");
    }
  }

  @Test
  void createCloneReplacesALeftoverSchemaOfTheSameName() throws SQLException {
    String url = emu.adminJdbcUrl("acme", "shop", "main");
    String schema = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    SchemaEngine engine = new SchemaEngine();
    try (Connection c = admin("main")) {
      Jdbc.rows(c, "CREATE DATABASE leftover");
      Jdbc.rows(c, "CREATE TABLE leftover.stray (id INT PRIMARY KEY)");

      SchemaSnapshot source = engine.createClone(c, schema, "leftover", true);

      assertThat(engine.snapshot(c, "leftover").tables().keySet())
          .isEqualTo(source.tables().keySet())
          .doesNotContain("stray");
      assertThat(Jdbc.rows(c, "SELECT COUNT(*) FROM leftover.order_lines")).containsExactly("3");
      Jdbc.rows(c, "DROP DATABASE leftover");
    }
  }

  @Test
  void moreTablesThanOneMultiStatementReadsAreReadAndClonedWhole() throws SQLException {
    StringBuilder seed = new StringBuilder();
    for (int i = 0; i < 205; i++) {
      seed.append("CREATE TABLE w").append(i).append(" (id INT PRIMARY KEY, v INT);");
    }
    emu.createDatabase("acme", "wide", seed.toString());
    String url = emu.adminJdbcUrl("acme", "wide", "main");
    String schema = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    SchemaEngine engine = new SchemaEngine();
    try (Connection multi = DriverManager.getConnection(url, emu.adminUser(), emu.adminPassword());
        Connection single =
            DriverManager.getConnection(
                url.replace("allowMultiQueries=true", "allowMultiQueries=false"),
                emu.adminUser(),
                emu.adminPassword())) {
      AtomicInteger executions = new AtomicInteger();
      SchemaSnapshot batched = engine.snapshot(Jdbc.counting(multi, executions), schema);
      assertThat(batched.tables()).hasSize(205);
      assertThat(executions).as("SHOW CREATE round trips for 205 tables").hasValue(2);
      assertThat(batched).isEqualTo(engine.snapshot(single, schema));
    }
    readyBranch("acme", "wide", "copy", null);
    String wide = db("acme", "wide");
    assertThat(api.get(wide + "/branches/copy/schema").json().path("data"))
        .isEqualTo(api.get(wide + "/branches/main/schema").json().path("data"));
  }

  @Test
  void closingAnEmulatorOnAnExternalServerEndsAllItsSessions() throws Exception {
    Set<Long> before = sessions();
    String server = emu.adminJdbcUrl("acme", "shop", "main");
    PlanetScaleEmulator other =
        PlanetScaleEmulator.builder()
            .serviceToken("o", "s")
            .externalMysql(
                server.substring(0, server.lastIndexOf('/') + 1),
                emu.adminUser(),
                emu.adminPassword())
            .build()
            .start();
    try {
      other.createDatabase("acme", "ext", SCHEMA);
      Api otherApi = new Api(other.url(), "o:s");
      String ext = db("acme", "ext");
      assertThat(otherApi.post(ext + "/branches", "{\"name\":\"ready-one\"}").status())
          .isEqualTo(201);
      Await.until(
          () -> otherApi.get(ext + "/branches/ready-one").json().path("ready").asBoolean(),
          ready -> ready,
          Duration.ofSeconds(60),
          "branch ready-one ready");
      assertThat(
              otherApi
                  .post(ext + "/branches/ready-one/passwords", "{\"role\":\"reader\"}")
                  .status())
          .isEqualTo(201);
      for (int i = 0; i < 4; i++) {
        otherApi.post(ext + "/branches", "{\"name\":\"in-flight-" + i + "\"}");
      }
      Set<Long> during = sessions();
      during.removeAll(before);
      assertThat(during).as("the other emulator's pooled sessions").isNotEmpty();
    } finally {
      other.close();
    }
    Await.until(
        () -> {
          Set<Long> left = sessions();
          left.removeAll(before);
          return left;
        },
        Set::isEmpty,
        // Short: a socket nobody closed is closed by the GC at some point, which would hide a leak.
        Duration.ofSeconds(5),
        "no session of the closed emulator");
  }

  @Test
  void theHttpServerSendsResponsesWithoutNagleDelay() {
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
  }

  private Set<Long> sessions() {
    Set<Long> ids = new HashSet<>();
    try (Connection c = admin("main")) {
      long self = Long.parseLong(Jdbc.rows(c, "SELECT CONNECTION_ID()").get(0));
      for (String id :
          Jdbc.rows(c, "SELECT id FROM information_schema.processlist WHERE user = 'root'")) {
        if (Long.parseLong(id) != self) {
          ids.add(Long.parseLong(id));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  private Map<String, String> schemaOf(String branch) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode t : api.get(SHOP + "/branches/" + branch + "/schema").json().path("data")) {
      // LIKE starts a copy's AUTO_INCREMENT counter afresh; the definitions are otherwise equal.
      out.put(
          t.path("name").asText(), t.path("raw").asText().replaceAll(" AUTO_INCREMENT=\\d+", ""));
    }
    return out;
  }

  private Connection admin(String branch) throws SQLException {
    return DriverManager.getConnection(
        emu.adminJdbcUrl("acme", "shop", branch), emu.adminUser(), emu.adminPassword());
  }
}
