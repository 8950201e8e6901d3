package io.github.planetscaleci.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.planetscaleci.emulator.api.Common;
import io.github.planetscaleci.emulator.api.Json;
import io.github.planetscaleci.emulator.faults.FaultRule;
import io.github.planetscaleci.emulator.faults.Faults;
import io.github.planetscaleci.emulator.service.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP front: faults first, then auth, then the route; every answer is JSON. */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  static final String NO_DELAY = "sun.net.httpserver.nodelay";
  private final HttpServer server;
  private final ExecutorService executor;
  private final Router router;
  private final Auth auth;
  private final Faults faults;

  public HttpApi(int port, Router router, Auth auth, Faults faults) throws IOException {
    this.router = router;
    this.auth = auth;
    this.faults = faults;
    disableNagle();
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    this.executor =
        Executors.newFixedThreadPool(
            32,
            r -> {
              Thread t = new Thread(r, "emulator-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * The JDK server writes a response's headers and body in two TCP segments; with Nagle's algorithm
   * on, the body waits for the client's delayed ACK of the headers: about 40-50 ms on every answer,
   * which was most of a small branch's creation time. The JDK reads this property once, when its
   * first server is created in the JVM; a value set explicitly by the user is kept.
   */
  static void disableNagle() {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  /** Starts accepting connections. */
  public void start() {
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      Optional<Router.Match> match = router.match(method, path);
      String operation = match.map(m -> m.route().operation()).orElse(null);
      Faults.Decision decision = faults.decide(method, path, operation);
      if (decision.latencyMillis() > 0) {
        sleep(decision.latencyMillis());
      }
      FaultRule fault = decision.failure().orElse(null);
      if (fault != null) {
        switch (fault.action()) {
          case DROP_BEFORE -> {
            LOG.debug("Fault: dropping {} {} before acting", method, path);
            return; // closing the exchange without headers closes the connection
          }
          case TOO_MANY_REQUESTS -> {
            Map<String, String> headers =
                fault.retryAfterSeconds() == null
                    ? Map.of()
                    : Map.of("Retry-After", Integer.toString(fault.retryAfterSeconds()));
            write(
                exchange,
                new Response(429, new Common.Error("rate_limited", "Too many requests"), headers));
            return;
          }
          case INTERNAL_ERROR -> {
            write(
                exchange,
                error(500, "internal_server_error", "Internal server error (injected fault)"));
            return;
          }
          case SERVICE_UNAVAILABLE -> {
            write(
                exchange,
                error(503, "service_unavailable", "Service unavailable (injected fault)"));
            return;
          }
          default -> {
            // DROP_AFTER acts first, below.
          }
        }
      }
      Response response = respond(exchange, method, path, match);
      if (fault != null) {
        LOG.debug("Fault: dropping {} {} after acting ({})", method, path, response.status());
        return;
      }
      write(exchange, response);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Request failed: {}", e.toString());
    } finally {
      // Closing before response headers were sent closes the connection: that is the "drop".
      exchange.close();
    }
  }

  private Response respond(
      HttpExchange exchange, String method, String path, Optional<Router.Match> match) {
    try {
      if (!path.startsWith("/v1/") && !path.equals("/v1")) {
        return error(404, "not_found", "Not Found");
      }
      switch (auth.check(exchange.getRequestHeaders().getFirst("Authorization"))) {
        case MISSING -> {
          return error(401, "unauthorized", "Requires authentication");
        }
        case WRONG -> {
          return error(404, "not_found", "Not Found");
        }
        default -> {}
      }
      if (match.isEmpty()) {
        return error(
            501, "not_implemented", "The emulator does not implement " + method + " " + path);
      }
      Request request =
          new Request(
              method,
              path,
              match.get().params(),
              query(exchange.getRequestURI().getRawQuery()),
              body(exchange));
      return match.get().route().handler().handle(request);
    } catch (ApiException e) {
      return error(e.status(), e.code(), e.getMessage());
    } catch (Exception e) {
      LOG.error("Internal error on {} {}", method, path, e);
      return error(
          500, "internal_server_error", "Internal server error: " + e.getClass().getSimpleName());
    }
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        return JsonNodeFactory.instance.objectNode();
      }
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest("Request body must be a JSON object");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("Request body is not valid JSON");
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> result = new LinkedHashMap<>();
    if (raw == null) {
      return result;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      result.put(key, value);
    }
    return result;
  }

  private static Response error(int status, String code, String message) {
    return new Response(status, new Common.Error(code, message), Map.of());
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = Json.MAPPER.writeValueAsBytes(response.body());
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
