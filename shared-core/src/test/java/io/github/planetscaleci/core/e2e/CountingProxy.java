package io.github.planetscaleci.core.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards the client's requests to the emulator and counts what the client sees: requests, each
 * status, and dropped connections (passed on as dropped connections).
 */
final class CountingProxy implements AutoCloseable {
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger dropped = new AtomicInteger();
  final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String target;

  CountingProxy(String targetBase) throws IOException {
    this.target = URI.create(targetBase).resolve("/").toString().replaceAll("/$", "");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.setExecutor(pool);
    server.start();
  }

  /** The proxy's base URL, with the emulator's path (e.g. {@code /v1}). */
  String url(String targetBase) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + URI.create(targetBase).getPath();
  }

  int status(int code) {
    AtomicInteger n = statuses.get(code);
    return n == null ? 0 : n.get();
  }

  private void forward(HttpExchange x) throws IOException {
    requests.incrementAndGet();
    byte[] body = x.getRequestBody().readAllBytes();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(target + x.getRequestURI()))
            .method(
                x.getRequestMethod(),
                body.length == 0
                        && !x.getRequestMethod().equals("POST")
                        && !x.getRequestMethod().equals("PATCH")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String h : List.of("Authorization", "Content-Type", "Accept")) {
      String v = x.getRequestHeaders().getFirst(h);
      if (v != null) {
        b.header(h, v);
      }
    }
    HttpResponse<byte[]> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      dropped.incrementAndGet();
      x.close(); // no headers sent yet: the client sees a dropped connection too
      return;
    }
    statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
    r.headers()
        .firstValue("Content-Type")
        .ifPresent(v -> x.getResponseHeaders().add("Content-Type", v));
    r.headers()
        .firstValue("Retry-After")
        .ifPresent(v -> x.getResponseHeaders().add("Retry-After", v));
    byte[] out = r.body();
    x.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      x.getResponseBody().write(out);
    }
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
