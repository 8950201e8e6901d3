package io.github.planetscaleci.core.workflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.model.DatabaseRef;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Readiness benchmark (run by {@code shared-core/bench/readiness.sh}, not by the tests): a tiny
 * local API whose branches become ready T seconds after their create, opened concurrently with the
 * real client, Workflows and Poller under {@link WaitPolicy#defaults()}. Prints detection lag and
 * polls per trial and per T, beside the official CLI's schedule (5 s for a minute, then 10 s)
 * evaluated on the same ready times.
 */
public final class ReadinessBenchmark {
  /** One branch of the fake API: when it was created and when it turns ready (nanoTime). */
  record Trial(double nominal, double readyAfter, long createdAt, long readyAt, int[] polls) {}

  private final Map<String, Trial> trials = new ConcurrentHashMap<>();
  private final Map<String, Double> planned = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    int perT = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    double[] ts = {2, 10, 60};
    new ReadinessBenchmark()
        .run(ts, perT, new Random(args.length > 1 ? Long.parseLong(args[1]) : 1));
  }

  private void run(double[] ts, int perT, Random random) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    ClientSettings settings =
        ClientSettings.builder(new Credentials.ServiceToken("bench", "bench"))
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
            .build();
    List<String> names = new ArrayList<>();
    for (double t : ts) {
      for (int i = 0; i < perT; i++) {
        // Random phase: the ready time is spread over a window wider than the poll interval at T.
        double width = Math.max(1, 0.2 * t);
        String name = "ci-bench-t" + (int) t + "-" + i;
        planned.put(name, t - width / 2 + random.nextDouble() * width);
        names.add(name);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(names.size());
    Map<String, Long> detected = new ConcurrentHashMap<>();
    try (PlanetScaleClient client = PlanetScaleClient.create(settings)) {
      List<Future<?>> futures = new ArrayList<>();
      for (String name : names) {
        futures.add(
            pool.submit(
                () -> {
                  Workflows w =
                      new Workflows(
                          client,
                          e -> {
                            if (e instanceof WorkflowEvent.Progress p && p.step().equals("ready")) {
                              detected.put(name, System.nanoTime());
                            }
                          });
                  return w.openBranch(OpenBranchRequest.of(new DatabaseRef("bench", "app"), name));
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdown();
    }
    report(ts, names, detected);
  }

  private void report(double[] ts, List<String> names, Map<String, Long> detected) {
    System.out.println(
        "| T (s) | trials | mean lag (s) | max lag (s) | target (s) | polls | mean rate (req/s)"
            + " | CLI mean lag (s) | CLI polls |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (double t : ts) {
      double lag = 0, maxLag = 0, rate = 0, polls = 0, cliLag = 0, cliPolls = 0;
      int n = 0;
      for (String name : names) {
        Trial tr = trials.get(name);
        if (tr.nominal() != t) {
          continue;
        }
        double l = (detected.get(name) - tr.readyAt()) / 1e9;
        double waited = (detected.get(name) - tr.createdAt()) / 1e9;
        lag += l;
        maxLag = Math.max(maxLag, l);
        polls += tr.polls()[0];
        rate += tr.polls()[0] / waited;
        double cli = 0;
        int k = 0;
        while (cli < tr.readyAfter()) {
          cli += cli < 60 ? 5 : 10;
          k++;
        }
        cliLag += cli - tr.readyAfter();
        cliPolls += k;
        n++;
      }
      System.out.printf(
          Locale.ROOT,
          "| %.0f | %d | %.3f | %.3f | %.2f | %.1f | %.3f | %.2f | %.1f |%n",
          t,
          n,
          lag / n,
          maxLag,
          Math.max(0.5, 0.05 * t),
          polls / n,
          rate / n,
          cliLag / n,
          cliPolls / n);
    }
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String[] p = path.split("/");
    // /v1/organizations/bench/databases/app[/branches[/name[/passwords]]]
    String body;
    int status = 200;
    String method = x.getRequestMethod();
    if (p.length == 6) {
      body =
          "{\"id\":\"db\",\"name\":\"app\",\"state\":\"ready\",\"ready\":true,\"kind\":\"mysql\","
              + "\"default_branch\":\"main\"}";
    } else if (p.length == 7 && method.equals("POST")) {
      String name =
          new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
              .replaceAll("(?s).*\"name\"\\s*:\\s*\"([^\"]+)\".*", "$1");
      long now = System.nanoTime();
      double after = planned.get(name);
      trials.put(
          name, new Trial(nominal(name), after, now, now + (long) (after * 1e9), new int[1]));
      status = 201;
      body = branch(name, false);
    } else if (p.length == 8 && method.equals("GET")) {
      Trial tr = trials.get(p[7]);
      if (tr == null) {
        status = 404;
        body = "{\"code\":\"not_found\",\"message\":\"Not Found\"}";
      } else {
        synchronized (tr) {
          tr.polls()[0]++;
        }
        body = branch(p[7], System.nanoTime() >= tr.readyAt());
      }
    } else if (p.length == 9 && method.equals("POST")) {
      status = 201;
      body =
          "{\"id\":\"pw"
              + p[7]
              + "\",\"name\":\"pw\",\"role\":\"admin\",\"username\":\"u\","
              + "\"plain_text\":\"bench-secret\",\"access_host_url\":\"bench.example.com\","
              + "\"database_branch\":{\"id\":\"b\",\"name\":\""
              + p[7]
              + "\",\"production\":false}}";
    } else {
      status = 404;
      body = "{\"code\":\"not_found\",\"message\":\"not in the benchmark\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  private static double nominal(String name) {
    return Double.parseDouble(name.replaceAll("ci-bench-t(\\d+)-\\d+", "$1"));
  }

  private static String branch(String name, boolean ready) {
    return "{\"id\":\"b-"
        + name
        + "\",\"name\":\""
        + name
        + "\",\"parent_branch\":\"main\",\"ready\":"
        + ready
        + ",\"state\":\""
        + (ready ? "ready" : "pending")
        + "\",\"production\":false,"
        + "\"created_at\":\"2026-03-01T12:00:00.000Z\",\"updated_at\":\"2026-03-01T12:00:00.000Z\"}";
  }
}
