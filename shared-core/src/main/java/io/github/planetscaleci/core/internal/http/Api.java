package io.github.planetscaleci.core.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.internal.http.ApiCall.Kind;
import io.github.planetscaleci.core.internal.json.JsonMapper;
import io.github.planetscaleci.core.model.DatabaseRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/** What every endpoint class shares: URLs under a database, JSON in and out, and paging. */
final class Api {
  static final int PER_PAGE = 100;
  // A server that keeps answering "there is a next page" must not keep us busy forever.
  static final int MAX_PAGES = 1000;

  private final HttpUrl base;
  private final Transport transport;

  Api(HttpUrl base, Transport transport) {
    this.base = base;
    this.transport = transport;
  }

  /** {@code <base>/organizations/{org}/databases/{db}} followed by {@code segments}, encoded. */
  HttpUrl.Builder url(DatabaseRef db, String... segments) {
    HttpUrl.Builder b =
        base.newBuilder()
            .addPathSegment("organizations")
            .addPathSegment(db.organization())
            .addPathSegment("databases")
            .addPathSegment(db.database());
    for (String s : segments) {
      b.addPathSegment(s);
    }
    return b;
  }

  static ApiCall get(HttpUrl url, String what, DatabaseRef db, String branch) {
    return new ApiCall("GET", url, null, what, db, branch, Kind.READ);
  }

  static ApiCall send(
      String method,
      HttpUrl url,
      ObjectNode body,
      String what,
      DatabaseRef db,
      String branch,
      Kind kind) {
    try {
      return new ApiCall(
          method, url, body == null ? null : JsonMapper.write(body), what, db, branch, kind);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // cannot happen for an ObjectNode of strings and numbers
    }
  }

  /** Runs the call and reads its body as {@code type}. */
  <T> T one(ApiCall call, Class<T> type) {
    return one(call, type, null);
  }

  /** Runs the call; after an ambiguous failure {@code recovery} may supply the result instead. */
  <T> T one(ApiCall call, Class<T> type, Supplier<Optional<T>> recovery) {
    return transport.execute(call, reply -> parse(call, reply, type), recovery);
  }

  private <T> T parse(ApiCall call, Transport.Reply reply, Class<T> type) {
    try {
      T value = JsonMapper.read(reply.body(), type);
      if (value != null) {
        return value;
      }
    } catch (IOException e) {
      // reported below, without Jackson's message: it can quote the body
    }
    throw transport.malformed(call, reply.status(), typeName(type));
  }

  /** Runs a call whose answer carries no needed body (204). */
  void none(ApiCall call) {
    transport.execute(call);
  }

  /** The {@code data} array of a single, unpaged response. */
  <T> List<T> data(ApiCall call, Class<T> type) {
    Transport.Reply reply = transport.execute(call);
    try {
      return JsonMapper.convertList(envelope(reply).get("data"), type);
    } catch (IOException | RuntimeException e) {
      throw transport.malformed(call, reply.status(), "list of " + typeName(type));
    }
  }

  /** Reads every page of a list, following {@code next_page} until it is null. */
  <T> List<T> all(HttpUrl.Builder url, String what, DatabaseRef db, String branch, Class<T> type) {
    List<T> items = new ArrayList<>();
    int page = 1;
    for (int fetched = 1; ; fetched++) {
      HttpUrl pageUrl =
          url.setQueryParameter("page", Integer.toString(page))
              .setQueryParameter("per_page", Integer.toString(PER_PAGE))
              .build();
      ApiCall call = get(pageUrl, what, db, branch);
      Transport.Reply reply = transport.execute(call);
      JsonNode next;
      try {
        JsonNode root = envelope(reply);
        items.addAll(JsonMapper.convertList(root.get("data"), type));
        next = root.get("next_page");
      } catch (IOException | RuntimeException e) {
        throw transport.malformed(call, reply.status(), "page of " + typeName(type));
      }
      if (next == null || next.isNull()) {
        return List.copyOf(items);
      }
      if (!next.canConvertToInt() || next.asInt() <= page) {
        throw pagingError(
            call, "page " + page + " named page " + next.asText() + " as the next one");
      }
      if (fetched >= MAX_PAGES) {
        throw pagingError(call, "the list did not end after " + MAX_PAGES + " pages");
      }
      page = next.asInt();
    }
  }

  private static JsonNode envelope(Transport.Reply reply) throws IOException {
    JsonNode root = JsonMapper.tree(reply.body());
    if (root == null || !root.isObject()) {
      throw new IOException("not a JSON object");
    }
    return root;
  }

  private ApiException pagingError(ApiCall call, String detail) {
    return transport.other(
        call,
        ErrorCode.SERVER_ERROR,
        "the API's paging is inconsistent: "
            + detail
            + ". Try again later; if it persists, report it to PlanetScale support.");
  }

  private static String typeName(Class<?> type) {
    return type.getSimpleName();
  }
}
