package io.github.planetscaleci.core.github;

import io.github.planetscaleci.core.client.SafeUrls;
import io.github.planetscaleci.core.error.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and how to reach GitHub: API URL (GitHub Enterprise too), token, repository and timeouts.
 *
 * @param apiUrl the REST API root, e.g. {@code https://api.github.com} or {@code
 *     https://ghe.example.com/api/v3}; https is required except for loopback hosts
 * @param token a token with {@code pull-requests: write} (comments) or {@code statuses: write}
 * @param repository {@code owner/name}
 * @param commentAuthor the login whose sticky comment to update; null to find it from the token
 *     (see {@link PullRequestReporter#upsertComment})
 * @param timeout connect and read timeout of each request
 */
public record GitHubSettings(
    URI apiUrl, String token, String repository, String commentAuthor, Duration timeout) {
  /** The public GitHub API. */
  public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");

  /**
   * Validates the settings.
   *
   * @throws ConfigurationException naming the bad value and how to fix it (never the token)
   */
  public GitHubSettings {
    apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    if (token == null || token.isBlank()) {
      throw new ConfigurationException(
          "no GitHub token: pass one (in GitHub Actions, the github-token input defaults to"
              + " ${{ github.token }}) with 'permissions: pull-requests: write'");
    }
    if (repository == null || !repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
      throw new ConfigurationException(
          "the GitHub repository '" + repository + "' is not of the form owner/name");
    }
    checkUrl(apiUrl);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new ConfigurationException("the GitHub timeout must be positive, got " + timeout);
    }
  }

  /** Settings for {@code repository} with the default URL, no fixed author, 30 s timeouts. */
  public static GitHubSettings of(String apiUrl, String token, String repository) {
    URI url = apiUrl == null || apiUrl.isBlank() ? null : parse(apiUrl);
    return new GitHubSettings(url, token, repository, null, null); // checked there
  }

  /**
   * A GitHub API URL given as text, checked as the settings check it; blank means the default.
   *
   * @throws ConfigurationException saying what is wrong, never showing a URL that may hold a secret
   */
  public static URI apiUrl(String text) {
    URI url = text == null || text.isBlank() ? DEFAULT_API_URL : parse(text);
    checkUrl(url);
    return url;
  }

  /** A copy that updates only comments by {@code login}. */
  public GitHubSettings withCommentAuthor(String login) {
    return new GitHubSettings(apiUrl, token, repository, login, timeout);
  }

  /** A copy with another per-request timeout. */
  public GitHubSettings withTimeout(Duration timeout) {
    return new GitHubSettings(apiUrl, token, repository, commentAuthor, timeout);
  }

  /** The repository owner. */
  public String owner() {
    return repository.substring(0, repository.indexOf('/'));
  }

  /** The repository name. */
  public String name() {
    return repository.substring(repository.indexOf('/') + 1);
  }

  @Override
  public String toString() {
    return "GitHubSettings[apiUrl="
        + SafeUrls.display(apiUrl)
        + ", token=***, repository="
        + repository
        + ", commentAuthor="
        + commentAuthor
        + ", timeout="
        + timeout
        + "]";
  }

  private static final String WHAT = "the GitHub API URL";
  private static final String CREDENTIALS =
      "pass the token separately (the github-token input, or githubCredentialsId in Jenkins)";

  private static URI parse(String text) {
    return SafeUrls.parse(text, WHAT, DEFAULT_API_URL, CREDENTIALS);
  }

  private static void checkUrl(URI url) {
    SafeUrls.check(url, WHAT, DEFAULT_API_URL, CREDENTIALS);
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigurationException(
          WHAT
              + " '"
              + SafeUrls.display(url)
              + "' is not an http(s) URL such as "
              + DEFAULT_API_URL);
    }
    if (!SafeUrls.isHttpsOrLoopbackHttp(url)) {
      throw new ConfigurationException(
          WHAT + " '" + SafeUrls.display(url) + "' must use https (http only for localhost)");
    }
  }
}
