package io.github.planetscaleci.emulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 client on {@link HttpURLConnection} (kept-alive connections, the request sent
 * and read on the calling thread), the way blocking clients such as OkHttp work. The tests' {@code
 * java.net.http.HttpClient} passes every request through its selector thread: about 6 ms per
 * request on the shared 2-core sandbox against about 1.5 ms here, a cost of that client, not of the
 * emulator, that would otherwise be counted twice (create and last poll) per branch. A request body
 * is buffered and sent with the headers: streamed after them, it waited about 2 ms for the server's
 * ACK of the headers (Nagle's algorithm on the client's socket).
 */
final class BlockingHttp {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String base;
  private final String authorization;

  BlockingHttp(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** Status and JSON body (null when empty). */
  record Reply(int status, JsonNode json) {}

  Reply send(String method, String path, String body) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      c.setRequestMethod(method);
      c.setRequestProperty("Authorization", authorization);
      c.setRequestProperty("Accept", "application/json");
      if (body != null) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(bytes);
        }
      }
      int status = c.getResponseCode();
      InputStream stream = status >= 400 ? c.getErrorStream() : c.getInputStream();
      byte[] bytes = stream == null ? new byte[0] : stream.readAllBytes();
      if (stream != null) {
        stream.close(); // a fully read, closed stream keeps the connection alive for the next call
      }
      return new Reply(status, bytes.length == 0 ? null : MAPPER.readTree(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
