package io.github.planetscaleci.core.github;

import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.HttpException;

/** Turns hub4j's IOExceptions into core's exception family, without the token or raw bodies. */
final class GitHubErrors {
  private static final Pattern MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  static final String PERMISSIONS_HINT =
      "grant the token 'permissions: pull-requests: write' for the comment and 'statuses: write'"
          + " for commit statuses; on pull requests from forks the GITHUB_TOKEN is read-only";

  private GitHubErrors() {}

  /**
   * Maps a failure of {@code action} (e.g. "listing the comments of pull request #3 in o/r").
   * hub4j's exception is not kept as the cause, since its message may carry response bodies.
   */
  static PlanetScaleCiException map(IOException e, String action, String token) {
    if (e instanceof HttpException h && h.getResponseCode() > 0) {
      return forStatus(h.getResponseCode(), apiMessage(h.getMessage(), token), action);
    }
    if (e instanceof FileNotFoundException) {
      return forStatus(404, apiMessage(e.getMessage(), token), action);
    }
    String kind = e instanceof InterruptedIOException ? "timed out" : "failed to connect";
    return new ApiException(
        ErrorCode.TRANSPORT_ERROR,
        0,
        null,
        "GitHub "
            + kind
            + " while "
            + action
            + " ("
            + e.getClass().getSimpleName()
            + "): check the GitHub API URL and the network",
        null);
  }

  static PlanetScaleCiException forStatus(int status, String apiMessage, String action) {
    String said = " (HTTP " + status + (apiMessage.isEmpty() ? "" : ": " + apiMessage) + ")";
    String lower = apiMessage.toLowerCase(Locale.ROOT);
    if (status == 401) {
      return new ConfigurationException(
          "GitHub rejected the token while " + action + said + ": pass a valid GitHub token");
    }
    if ((status == 403 || status == 429) && lower.contains("rate limit")) {
      return new ApiException(
          ErrorCode.RATE_LIMITED,
          status,
          null,
          "GitHub's rate limit was reached while " + action + said + ": retry later",
          null);
    }
    if (status == 403) {
      return new ConfigurationException(
          "GitHub refused " + action + said + ": " + PERMISSIONS_HINT);
    }
    ErrorCode code;
    String hint;
    if (status == 404) {
      code = ErrorCode.NOT_FOUND;
      hint = ": check the repository and number, and that the token can see the repository";
    } else if (status == 409) {
      code = ErrorCode.CONFLICT;
      hint = "";
    } else if (status == 429) {
      code = ErrorCode.RATE_LIMITED;
      hint = ": retry later";
    } else if (status >= 500) {
      code = ErrorCode.SERVER_ERROR;
      hint = ": GitHub failed, retry later";
    } else {
      code = ErrorCode.INVALID_INPUT;
      hint = "";
    }
    return new ApiException(code, status, null, "GitHub failed " + action + said + hint, null);
  }

  /** GitHub's {@code message} from an error body, shortened and with the token removed. */
  static String apiMessage(String body, String token) {
    if (body == null) {
      return "";
    }
    Matcher m = MESSAGE.matcher(body);
    String msg = m.find() ? m.group(1).replace("\\\"", "\"") : "";
    msg = msg.replaceAll("[\\p{Cntrl}]", " ").strip();
    if (token != null && !token.isEmpty()) {
      msg = msg.replace(token, "***");
    }
    return msg.length() > 300 ? msg.substring(0, 300) + "…" : msg;
  }
}
