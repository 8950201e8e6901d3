package io.github.planetscaleci.emulator.bench;

import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark (not a test): branch creation time for 10, 100 and 500 tables beside MariaDB running
 * the same CREATE TABLE statements over JDBC, then 20 concurrent branch creations. Run with {@code
 * emulator/bench/branch-clone.sh}.
 *
 * <p>The branch side is what an API client sees: from sending {@code POST /branches} until a {@code
 * GET} reports {@code ready: true}, polled every {@value #POLL_MILLIS} ms so that the poll interval
 * adds at most a millisecond or two. The JDBC side is only the CREATE TABLE statements, on a
 * connection opened (and a schema created) beforehand; the time to open that connection and create
 * the schema is shown in its own column and not counted. The two sides alternate which goes first,
 * one untimed round of each warms both up, and every schema and branch is dropped after its round
 * (untimed) so the server holds the same number of schemas for both.
 */
public final class BranchCloneBench {
  private static final long POLL_MILLIS = Long.getLong("bench.pollMillis", 1);

  private BranchCloneBench() {}

  public static void main(String[] args) throws Exception {
    int[] sizes =
        args.length == 0
            ? new int[] {10, 100, 500}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("poll every %d ms, load average before: %s%n", POLL_MILLIS, loadAverage());
    try (PlanetScaleEmulator emu =
        PlanetScaleEmulator.builder().serviceToken("b", "s").build().start()) {
      BlockingHttp api = new BlockingHttp(emu.url(), "b:s");
      System.out.println(
          "| tables | rounds | JDBC connect + CREATE DATABASE (not counted) | CREATE TABLE over"
              + " JDBC | branch create to ready | ratio of medians | median of the rounds' ratios"
              + " | fastest JDBC, fastest branch |");
      System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (int n : sizes) {
        measure(emu, api, n);
      }
      if (Arrays.stream(sizes).anyMatch(n -> n == 100)) {
        concurrent(emu, api);
      }
    }
    System.out.println("load average after: " + loadAverage());
  }

  /** Small schemas are cheap and the noisiest, so they get the most rounds. */
  private static int rounds(int tables) {
    return Integer.getInteger("bench.rounds", tables <= 10 ? 31 : tables <= 100 ? 11 : 5);
  }

  private static void measure(PlanetScaleEmulator emu, BlockingHttp api, int n) throws Exception {
    List<String> ddl = tables(n);
    String db = "db" + n;
    emu.createDatabase("bench", db, String.join(";\n", ddl));
    jdbc(emu, db, "warmup_" + n, ddl);
    branch(api, db, "warmup");
    int rounds = rounds(n);
    long[] setup = new long[rounds];
    long[] jdbc = new long[rounds];
    long[] branch = new long[rounds];
    long[] ratios = new long[rounds]; // per mille, so median() serves
    for (int r = 0; r < rounds; r++) {
      long[] j;
      if (r % 2 == 0) {
        j = jdbc(emu, db, "baseline_" + n + "_" + r, ddl);
        branch[r] = branch(api, db, "b" + r);
      } else {
        branch[r] = branch(api, db, "b" + r);
        j = jdbc(emu, db, "baseline_" + n + "_" + r, ddl);
      }
      setup[r] = j[0];
      jdbc[r] = j[1];
      ratios[r] = branch[r] * 1000 / jdbc[r];
    }
    System.out.printf(
        "| %d | %d | %.1f ms | %.1f ms | %.1f ms | %.2fx | %.2fx | %.1f ms, %.1f ms |%n",
        n,
        rounds,
        median(setup) / 1e6,
        median(jdbc) / 1e6,
        median(branch) / 1e6,
        (double) median(branch) / median(jdbc),
        median(ratios) / 1000.0,
        Arrays.stream(jdbc).min().orElseThrow() / 1e6,
        Arrays.stream(branch).min().orElseThrow() / 1e6);
  }

  private static void concurrent(PlanetScaleEmulator emu, BlockingHttp api) throws Exception {
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Long>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String name = "c" + i;
        all.add(pool.submit(() -> create(api, "db100", name)));
      }
      for (Future<Long> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long total = (System.nanoTime() - t0) / 1_000_000;
    System.gc();
    long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    long mysqldPid =
        Long.parseLong(Files.readString(emu.instanceDirectory().resolve("mysqld.pid")).trim());
    String rss =
        Files.readAllLines(Path.of("/proc/" + mysqldPid + "/status")).stream()
            .filter(l -> l.startsWith("VmRSS"))
            .findFirst()
            .orElse("VmRSS: ?")
            .replaceAll("\\s+", " ");
    System.out.printf(
        "%n20 concurrent branches of the 100-table database: all ready in %d ms;"
            + " with 20 live branches: JVM heap used %d MB, mysqld %s%n",
        total, heap, rss);
  }

  static List<String> tables(int n) {
    List<String> ddl = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ddl.add(
          "CREATE TABLE t"
              + i
              + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
              + " amount DECIMAL(10,2), created_at DATETIME NOT NULL, KEY idx_name (name))");
    }
    return ddl;
  }

  /** Nanoseconds to connect and create the schema, then to run the DDL; drops the schema. */
  private static long[] jdbc(PlanetScaleEmulator emu, String db, String schema, List<String> ddl)
      throws Exception {
    String url = emu.adminJdbcUrl("bench", db, "main");
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, emu.adminUser(), emu.adminPassword());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + schema);
      c.setCatalog(schema);
      long t1 = System.nanoTime();
      for (String d : ddl) {
        s.execute(d);
      }
      long t2 = System.nanoTime();
      s.execute("DROP DATABASE " + schema);
      return new long[] {t1 - t0, t2 - t1};
    }
  }

  /** Nanoseconds from POST to ready; deletes the branch afterwards. */
  private static long branch(BlockingHttp api, String db, String name) throws InterruptedException {
    long ns = create(api, db, name);
    BlockingHttp.Reply deleted =
        api.send("DELETE", "/organizations/bench/databases/" + db + "/branches/" + name, null);
    if (deleted.status() != 204) {
      throw new IllegalStateException("delete failed: " + deleted.status());
    }
    return ns;
  }

  private static long create(BlockingHttp api, String db, String name) throws InterruptedException {
    String base = "/organizations/bench/databases/" + db + "/branches";
    long t0 = System.nanoTime();
    BlockingHttp.Reply r = api.send("POST", base, "{\"name\":\"" + name + "\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("create failed: " + r.json());
    }
    while (!api.send("GET", base + "/" + name, null).json().path("ready").asBoolean()) {
      Thread.sleep(POLL_MILLIS);
    }
    return System.nanoTime() - t0;
  }

  private static long median(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  private static String loadAverage() throws IOException {
    Path p = Path.of("/proc/loadavg");
    return Files.exists(p) ? Files.readString(p).trim() : "unknown";
  }
}
