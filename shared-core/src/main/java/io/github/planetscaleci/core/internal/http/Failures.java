package io.github.planetscaleci.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.internal.json.JsonMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns error responses and transport failures into {@link ApiException}s with useful messages. */
final class Failures {
  private static final int SNIPPET_LIMIT = 200;
  private static final Pattern API_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private final Redactor redactor;

  Failures(Redactor redactor) {
    this.redactor = redactor;
  }

  /** The code for an HTTP error status; {@code apiCode} and message refine 422. */
  static ErrorCode codeFor(int status, String apiCode, String apiMessage) {
    if (status == 401 || status == 403) {
      return ErrorCode.UNAUTHORIZED;
    }
    if (status == 404) {
      return ErrorCode.NOT_FOUND;
    }
    if (status == 409) {
      return ErrorCode.CONFLICT;
    }
    if (status == 422) {
      return isConflict(apiCode, apiMessage) ? ErrorCode.CONFLICT : ErrorCode.INVALID_INPUT;
    }
    if (status == 429) {
      return ErrorCode.RATE_LIMITED;
    }
    if (status >= 400 && status < 500) {
      return ErrorCode.INVALID_INPUT;
    }
    return ErrorCode.SERVER_ERROR;
  }

  // A 422 that reports the resource's state (a running schema change, a name already taken) is a
  // conflict the caller can wait out or reuse, not bad input.
  private static boolean isConflict(String apiCode, String apiMessage) {
    if ("schema_mutation_blocked".equals(apiCode) || "conflict".equals(apiCode)) {
      return true;
    }
    String m = apiMessage == null ? "" : apiMessage.toLowerCase(Locale.ROOT);
    return m.contains("already exists") || m.contains("already been taken");
  }

  /** An exception for an HTTP error response; {@code retryAfter} is its Retry-After or null. */
  ApiException http(
      ApiCall call,
      int status,
      byte[] body,
      Duration retryAfter,
      int attempts,
      Duration elapsed,
      String note) {
    String apiCode = null;
    String apiMessage = null;
    try {
      JsonNode node = body == null || body.length == 0 ? null : JsonMapper.tree(body);
      if (node != null && node.isObject()) {
        apiCode = text(node, "code", "error");
        apiMessage = text(node, "message", "error_description");
      }
    } catch (IOException notJson) {
      // handled below: a proxy or load balancer answered with HTML or plain text
    }
    if (apiCode != null && !API_CODE.matcher(apiCode).matches()) {
      apiCode = null;
    }
    if (apiMessage == null) {
      apiMessage = status == 404 ? "Not Found" : snippet(body);
    }
    ErrorCode code = codeFor(status, apiCode, apiMessage);
    StringBuilder m = new StringBuilder(head(call, attempts, elapsed));
    m.append("HTTP ").append(status);
    if (apiCode != null) {
      m.append(" (").append(apiCode).append(')');
    }
    if (!apiMessage.isEmpty()) {
      m.append(": ").append(apiMessage);
    }
    appendSentence(m, note);
    if (retryAfter != null && note == null) {
      appendSentence(m, "The API asked to wait " + seconds(retryAfter) + " before trying again");
    }
    appendSentence(m, hint(code, call));
    return new ApiException(code, status, apiCode, retryAfter, redactor.scrub(m.toString()), null);
  }

  /** An exception for a failure before or while reading a response. */
  ApiException transport(ApiCall call, IOException e, int attempts, Duration elapsed, String note) {
    ErrorCode code =
        e instanceof InterruptedIOException ? ErrorCode.TIMEOUT : ErrorCode.TRANSPORT_ERROR;
    String detail =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    StringBuilder m = new StringBuilder(head(call, attempts, elapsed)).append(detail);
    appendSentence(m, note);
    appendSentence(m, hint(code, call));
    return new ApiException(code, 0, null, redactor.scrub(m.toString()), e);
  }

  /** An exception for a successful status whose body is not what the endpoint returns. */
  ApiException malformed(ApiCall call, int status, String expected) {
    // Never quote the body: a success body may hold a password.
    String m =
        call.what()
            + " failed: the API answered HTTP "
            + status
            + " but the body is not a valid "
            + expected
            + ". Check that the API URL points at PlanetScale (or the emulator).";
    return new ApiException(ErrorCode.SERVER_ERROR, status, null, redactor.scrub(m), null);
  }

  /** An exception for a failure of the client itself (interrupted, broken paging). */
  ApiException other(ApiCall call, ErrorCode code, String detail) {
    return new ApiException(
        code, 0, null, redactor.scrub(call.what() + " failed: " + detail), null);
  }

  private static String head(ApiCall call, int attempts, Duration elapsed) {
    if (attempts <= 1) {
      return call.what() + " failed: ";
    }
    return String.format(
        Locale.ROOT,
        "%s failed after %d attempts in %.1f s: ",
        call.what(),
        attempts,
        elapsed.toMillis() / 1000.0);
  }

  private static String hint(ErrorCode code, ApiCall call) {
    String org = call.database().organization();
    String db = call.database().database();
    return switch (code) {
      case UNAUTHORIZED ->
          "Check the service token id and service token (or the OAuth token), and"
              + " that the token has the access this call needs on database '"
              + db
              + "' of organization '"
              + org
              + "'.";
      case NOT_FOUND ->
          "Check that organization '"
              + org
              + "', database '"
              + db
              + "'"
              + (call.branch() == null ? "" : " and branch '" + call.branch() + "'")
              + " exist. A 404 often means the token lacks access: grant the service token access to"
              + " database '"
              + db
              + "' in organization '"
              + org
              + "'.";
      case INVALID_INPUT -> "The API rejected the request; fix the value it names and try again.";
      case CONFLICT ->
          "The current state of the resource forbids this; wait for the running"
              + " operation to finish (or resolve it in the PlanetScale console) and try again.";
      case RATE_LIMITED ->
          "PlanetScale allows 600 API requests per minute; run fewer jobs"
              + " against this organization at once, or try again later.";
      case TIMEOUT -> "The API did not answer in time; try again later or raise the read timeout.";
      case TRANSPORT_ERROR ->
          "Could not talk to "
              + call.url().host()
              + "; check the network, proxy settings and the API URL.";
      default ->
          "PlanetScale answered with a server error; try again later"
              + " (status page: https://www.planetscalestatus.com).";
    };
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.0f s", Math.ceil(d.toMillis() / 1000.0));
  }

  private static void appendSentence(StringBuilder m, String sentence) {
    if (sentence == null || sentence.isEmpty()) {
      return;
    }
    char last = m.charAt(m.length() - 1);
    m.append(last == '.' || last == '!' || last == '?' ? " " : ". ").append(sentence);
  }

  private static String text(JsonNode node, String first, String second) {
    JsonNode v = node.hasNonNull(first) ? node.get(first) : node.get(second);
    return v == null || v.isNull() || v.isContainerNode() ? null : sanitize(v.asText());
  }

  private static String snippet(byte[] body) {
    return body == null ? "" : sanitize(new String(body, StandardCharsets.UTF_8));
  }

  // Messages go to CI logs: one line, printable, short.
  private static String sanitize(String raw) {
    String s = raw.replaceAll("<[^>]{0,200}>", " ").replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    return s.length() <= SNIPPET_LIMIT ? s : s.substring(0, SNIPPET_LIMIT) + "...";
  }
}
