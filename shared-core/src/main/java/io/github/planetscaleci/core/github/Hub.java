package io.github.planetscaleci.core.github;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector;

/**
 * The hub4j client and repository of one {@link PullRequestReporter}; the only class that builds
 * hub4j objects, so commands that never talk to GitHub never load it.
 */
final class Hub {
  final GitHubSettings settings;
  final GitHub github;
  private GHRepository repository;
  private Predicate<String> commentAuthor;

  private Hub(GitHubSettings settings, GitHub github) {
    this.settings = settings;
    this.github = github;
  }

  /**
   * Builds the client: OkHttp for timeouts and for dropping the Authorization header on redirects
   * to another host; rate and abuse limits fail fast instead of hub4j's default of sleeping.
   */
  static Hub connect(GitHubSettings s) throws IOException {
    long millis = s.timeout().toMillis();
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(millis, TimeUnit.MILLISECONDS)
            .readTimeout(millis, TimeUnit.MILLISECONDS)
            .writeTimeout(millis, TimeUnit.MILLISECONDS)
            .build();
    GitHub github =
        new GitHubBuilder()
            .withEndpoint(s.apiUrl().toString())
            .withAuthorizationProvider(new BearerToken(s.token()))
            .withConnector(new OkHttpGitHubConnector(http))
            .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
            .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
            .build();
    return new Hub(s, github);
  }

  /** The repository, fetched once ({@code GET /repos/{owner}/{name}}). */
  GHRepository repository() throws IOException {
    if (repository == null) {
      repository = github.getRepository(settings.repository());
    }
    return repository;
  }

  /** Whose sticky comments count as ours, decided once per client (see CommentUpsert). */
  Predicate<String> commentAuthor(IoSupplier<Predicate<String>> resolve) throws IOException {
    if (commentAuthor == null) {
      commentAuthor = resolve.get();
    }
    return commentAuthor;
  }

  /** {@code POST /repos/{o}/{r}/statuses/{sha}}. */
  void createCommitStatus(
      String sha, CommitState state, String targetUrl, String description, String context)
      throws IOException {
    repository()
        .createCommitStatus(
            sha, GHCommitState.valueOf(state.name()), targetUrl, description, context);
  }

  /** A supplier that may fail with an IOException. */
  interface IoSupplier<T> {
    T get() throws IOException;
  }

  /**
   * Sends {@code Authorization: Bearer <token>}. A plain provider, not hub4j's token provider: that
   * one makes {@code build()} call {@code GET /user} to learn the login, a hidden request.
   */
  private record BearerToken(String token) implements AuthorizationProvider {
    @Override
    public String getEncodedAuthorization() {
      return "Bearer " + token;
    }

    @Override
    public String toString() {
      return "BearerToken[***]";
    }
  }
}
