package io.github.planetscaleci.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A fake of the few GitHub REST endpoints the action uses, on MockWebServer: repository, issue,
 * issue comments (paginated with absolute {@code Link} URLs, as GitHub does), comment create and
 * edit, {@code GET /user} answering 403 as it does to {@code GITHUB_TOKEN}, and the pull requests
 * of a commit. Requests are recorded for assertions.
 */
public final class FakeGitHub implements AutoCloseable {
  public static final String BOT = "github-actions[bot]";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One issue comment. */
  public record Comment(long id, String author, String body) {}

  private final MockWebServer server = new MockWebServer();
  private final List<Comment> comments = new CopyOnWriteArrayList<>();
  private final List<String> writes = new CopyOnWriteArrayList<>();
  private final List<String> bodiesSent = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(5000);
  private final String repo;
  private final int pullRequest;
  private final String mergeCommit;

  /** A fake for {@code repo} whose PR {@code pullRequest} was merged as {@code mergeCommit}. */
  public FakeGitHub(String repo, int pullRequest, String mergeCommit) throws IOException {
    this.repo = repo;
    this.pullRequest = pullRequest;
    this.mergeCommit = mergeCommit;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            try {
              return handle(request);
            } catch (IOException e) {
              return json(500, "{\"message\":\"" + e + "\"}");
            }
          }
        });
    server.start();
  }

  public String url() {
    String u = server.url("/").toString();
    return u.substring(0, u.length() - 1);
  }

  /** Adds an existing comment, e.g. others' chatter that pushes ours to a later page. */
  public long addComment(String author, String body) {
    long id = ids.incrementAndGet();
    comments.add(new Comment(id, author, body));
    return id;
  }

  public List<Comment> comments() {
    return List.copyOf(comments);
  }

  /** "POST id" or "PATCH id" for every comment write, in order. */
  public List<String> writes() {
    return List.copyOf(writes);
  }

  /** Every comment body sent to GitHub. */
  public List<String> bodiesSent() {
    return List.copyOf(bodiesSent);
  }

  public int requestCount() {
    return server.getRequestCount();
  }

  private MockResponse handle(RecordedRequest r) throws IOException {
    HttpUrl url = r.getUrl();
    String path = url.encodedPath();
    String base = "/repos/" + repo;
    if (path.equals("/user")) {
      return json(403, "{\"message\":\"Resource not accessible by integration\"}");
    }
    if (path.equals(base)) {
      String[] p = repo.split("/");
      return json(
          200,
          "{\"id\":1,\"name\":\""
              + p[1]
              + "\",\"full_name\":\""
              + repo
              + "\",\"owner\":{\"login\":\""
              + p[0]
              + "\",\"id\":1,\"type\":\"Organization\"},\"url\":\""
              + url()
              + base
              + "\",\"default_branch\":\"main\"}");
    }
    if (path.equals(base + "/issues/" + pullRequest)) {
      return json(
          200,
          "{\"id\":9"
              + pullRequest
              + ",\"number\":"
              + pullRequest
              + ",\"state\":\"open\",\"title\":\"Add column\",\"user\":{\"login\":\"alice\"},"
              + "\"pull_request\":{\"url\":\"x\"}}");
    }
    if (path.equals(base + "/issues/" + pullRequest + "/comments")) {
      if ("POST".equals(r.getMethod())) {
        String body = JSON.readTree(r.getBody().utf8()).path("body").asText();
        long id = addComment(BOT, body);
        writes.add("POST " + id);
        bodiesSent.add(body);
        return json(201, commentJson(new Comment(id, BOT, body)).toString());
      }
      return commentsPage(url);
    }
    if (path.startsWith(base + "/issues/comments/") && "PATCH".equals(r.getMethod())) {
      long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
      String body = JSON.readTree(r.getBody().utf8()).path("body").asText();
      for (int i = 0; i < comments.size(); i++) {
        if (comments.get(i).id() == id) {
          comments.set(i, new Comment(id, comments.get(i).author(), body));
          writes.add("PATCH " + id);
          bodiesSent.add(body);
          return json(200, commentJson(comments.get(i)).toString());
        }
      }
      return json(404, "{\"message\":\"Not Found\"}");
    }
    if (path.equals(base + "/pulls/" + pullRequest)) {
      // hub4j reads merge_commit_sha through populate(), which fetches the full pull request.
      return json(200, pullJson());
    }
    if (path.equals(base + "/commits/" + mergeCommit)) {
      return json(200, "{\"sha\":\"" + mergeCommit + "\",\"commit\":{\"message\":\"Merge\"}}");
    }
    if (path.equals(base + "/commits/" + mergeCommit + "/pulls")) {
      return json(200, "[" + pullJson() + "]");
    }
    return json(404, "{\"message\":\"Not Found: " + r.getMethod() + " " + path + "\"}");
  }

  private String pullJson() {
    return "{\"id\":7"
        + pullRequest
        + ",\"number\":"
        + pullRequest
        + ",\"state\":\"closed\",\"title\":\"Add column\",\"merged\":true,"
        + "\"merged_at\":\"2026-01-02T10:00:00Z\",\"mergeable_state\":\"unknown\","
        + "\"merge_commit_sha\":\""
        + mergeCommit
        + "\",\"base\":{\"ref\":\"main\"},\"head\":{\"ref\":\"add-column\"}}";
  }

  private MockResponse commentsPage(HttpUrl url) {
    int perPage = intParam(url, "per_page", 30);
    int page = intParam(url, "page", 1);
    List<Comment> all = new ArrayList<>(comments);
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    ArrayNode array = JSON.createArrayNode();
    all.subList(from, to).forEach(c -> array.add(commentJson(c)));
    MockResponse.Builder b =
        new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json");
    if (to < all.size()) {
      HttpUrl next = url.newBuilder().setQueryParameter("page", Integer.toString(page + 1)).build();
      b.addHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    return b.body(array.toString()).build();
  }

  private ObjectNode commentJson(Comment c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id());
    n.put("body", c.body());
    n.put(
        "html_url",
        "https://github.com/" + repo + "/pull/" + pullRequest + "#issuecomment-" + c.id());
    n.put("created_at", "2026-01-01T00:00:00Z");
    n.put("updated_at", "2026-01-01T00:00:00Z");
    n.set("user", JSON.valueToTree(Map.of("login", c.author(), "id", 41898282, "type", "Bot")));
    return n;
  }

  private static int intParam(HttpUrl url, String name, int def) {
    String v = url.queryParameter(name);
    return v == null ? def : Integer.parseInt(v);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
