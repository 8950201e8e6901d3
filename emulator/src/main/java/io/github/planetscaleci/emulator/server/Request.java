package io.github.planetscaleci.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.planetscaleci.emulator.service.ApiException;
import java.util.Map;

/** One parsed API request: path parameters, query parameters and JSON body. */
public record Request(
    String method,
    String path,
    Map<String, String> params,
    Map<String, String> query,
    JsonNode body) {

  /** A path parameter such as {@code organization}. */
  public String param(String name) {
    return params.get(name);
  }

  /** A query parameter, or null. */
  public String query(String name) {
    String v = query.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** An integer query parameter with a default. */
  public int queryInt(String name, int fallback) {
    String v = query(name);
    try {
      return v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Parameter " + name + " must be an integer");
    }
  }

  /** A string field of the body, or null. */
  public String text(String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** A boolean field of the body, or null. */
  public Boolean bool(String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.asBoolean();
  }

  /** A number field of the body, or null. */
  public Long number(String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.canConvertToLong()) {
      throw ApiException.unprocessable(field + " must be a number");
    }
    return n.asLong();
  }

  /** The {@code number} path parameter of deploy request paths. */
  public int number() {
    try {
      return Integer.parseInt(param("number"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound();
    }
  }
}
