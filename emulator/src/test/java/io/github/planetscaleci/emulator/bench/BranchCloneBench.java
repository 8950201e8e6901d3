package io.github.planetscaleci.emulator.bench;

import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import io.github.planetscaleci.emulator.support.Api;
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
 */
public final class BranchCloneBench {
  private static final int REPS = 3;

  private BranchCloneBench() {}

  public static void main(String[] args) throws Exception {
    try (PlanetScaleEmulator emu =
        PlanetScaleEmulator.builder().serviceToken("b", "s").build().start()) {
      Api api = new Api(emu.url(), "b:s");
      System.out.println(
          "| tables | CREATE TABLE over JDBC (median ms) | branch create to ready (median ms) | ratio |");
      System.out.println("|---:|---:|---:|---:|");
      for (int n : new int[] {10, 100, 500}) {
        List<String> ddl = tables(n);
        emu.createDatabase("bench", "db" + n, String.join(";\n", ddl));
        long[] jdbc = new long[REPS];
        long[] branch = new long[REPS];
        for (int r = 0; r < REPS; r++) {
          jdbc[r] = createOverJdbc(emu, n, r, ddl);
          branch[r] = createBranch(api, "db" + n, "b" + r);
        }
        long j = median(jdbc);
        long b = median(branch);
        System.out.printf("| %d | %d | %d | %.2fx |%n", n, j, b, (double) b / j);
      }
      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(20);
      List<Future<Long>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String name = "c" + i;
        all.add(pool.submit(() -> createBranch(api, "db100", name)));
      }
      for (Future<Long> f : all) {
        f.get();
      }
      long total = (System.nanoTime() - t0) / 1_000_000;
      pool.shutdown();
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

  private static long createOverJdbc(PlanetScaleEmulator emu, int n, int rep, List<String> ddl)
      throws Exception {
    String schema = "baseline_" + n + "_" + rep;
    String url = emu.adminJdbcUrl("bench", "db" + n, "main");
    try (Connection c = DriverManager.getConnection(url, emu.adminUser(), emu.adminPassword());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + schema);
      c.setCatalog(schema);
      long t0 = System.nanoTime();
      for (String d : ddl) {
        s.execute(d);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      s.execute("DROP DATABASE " + schema);
      return ms;
    }
  }

  private static long createBranch(Api api, String db, String name) throws InterruptedException {
    String base = "/organizations/bench/databases/" + db + "/branches";
    long t0 = System.nanoTime();
    Api.Reply r = api.post(base, "{\"name\":\"" + name + "\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("create failed: " + r.json());
    }
    while (!api.get(base + "/" + name).json().path("ready").asBoolean()) {
      Thread.sleep(5);
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static long median(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }
}
