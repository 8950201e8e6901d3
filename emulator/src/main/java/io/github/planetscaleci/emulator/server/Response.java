package io.github.planetscaleci.emulator.server;

import java.util.Map;

/** A response before it is written: status, JSON body (null for none) and extra headers. */
public record Response(int status, Object body, Map<String, String> headers) {

  /** 200 with a body. */
  public static Response ok(Object body) {
    return new Response(200, body, Map.of());
  }

  /** 201 with a body. */
  public static Response created(Object body) {
    return new Response(201, body, Map.of());
  }

  /** 204 without a body. */
  public static Response noContent() {
    return new Response(204, null, Map.of());
  }
}
