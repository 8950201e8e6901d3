package io.github.planetscaleci.core.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A fake of the GitHub REST endpoints hub4j 1.330 calls for repository o/r: issue comments with
 * Link-header pagination (next links use GitHub's /repositories/{id}/ form), pull requests of a
 * commit, statuses and /user. Requests it does not know are recorded in {@link #unmatched}.
 */
final class FakeGitHub extends Dispatcher {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COMMENTS =
      Pattern.compile("/(?:repos/o/r|repositories/1)/issues/(\\d+)/comments");
  private static final Pattern COMMENT = Pattern.compile("/repos/o/r/issues/comments/(\\d+)");

  final MockWebServer server = new MockWebServer();
  final Map<Integer, List<ObjectNode>> comments = new LinkedHashMap<>();
  final Map<String, ArrayNode> pullsOfCommit = new LinkedHashMap<>();
  final Map<Integer, ObjectNode> pulls = new LinkedHashMap<>();
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final List<String> unmatched = Collections.synchronizedList(new ArrayList<>());
  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  final List<JsonNode> statuses = Collections.synchronizedList(new ArrayList<>());
  String viewerLogin; // null: GET /user answers 403 like it does to the Actions GITHUB_TOKEN
  int pageSize = 100;
  MockResponse forced; // when set, every request gets this response
  private long nextId = 1000;

  FakeGitHub() throws Exception {
    server.setDispatcher(this);
    server.start();
  }

  String url() {
    return server.url("/").toString().replaceAll("/$", "");
  }

  void shutdown() {
    server.close();
  }

  /** Adds {@code n} comments by others to issue {@code issue}; returns them. */
  List<ObjectNode> addComments(int issue, int n, String login) {
    List<ObjectNode> added = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      added.add(addComment(issue, "comment " + i, login));
    }
    return added;
  }

  synchronized ObjectNode addComment(int issue, String body, String login) {
    ObjectNode c = JSON.createObjectNode();
    long id = nextId++;
    c.put("id", id);
    c.put("node_id", "IC_" + id);
    c.put("url", url() + "/repos/o/r/issues/comments/" + id);
    c.put("html_url", "https://github.com/o/r/pull/" + issue + "#issuecomment-" + id);
    c.put("issue_url", url() + "/repos/o/r/issues/" + issue);
    c.put("body", body);
    c.put("author_association", "NONE");
    c.put("created_at", "2024-05-01T10:00:00Z");
    c.put("updated_at", "2024-05-01T10:00:00Z");
    ObjectNode user = c.putObject("user");
    user.put("login", login);
    user.put("id", Math.abs(login.hashCode()));
    user.put("type", login.endsWith("[bot]") ? "Bot" : "User");
    comments.computeIfAbsent(issue, k -> new ArrayList<>()).add(c);
    return c;
  }

  List<ObjectNode> commentsOn(int issue) {
    return comments.getOrDefault(issue, List.of());
  }

  long count(String prefix) {
    return requests.stream().filter(r -> r.startsWith(prefix)).count();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    String method = request.getMethod();
    String target = request.getTarget();
    String path = request.getUrl().encodedPath();
    requests.add(method + " " + target);
    String auth = request.getHeaders().get("Authorization");
    authorizations.add(auth == null ? "" : auth);
    if (forced != null) {
      return forced;
    }
    try {
      Matcher m;
      if (method.equals("GET") && path.equals("/repos/o/r")) {
        return json(200, repository());
      }
      if (method.equals("GET") && path.equals("/user")) {
        return viewerLogin == null
            ? error(403, "Resource not accessible by integration")
            : json(200, JSON.createObjectNode().put("login", viewerLogin).put("id", 7));
      }
      if (method.equals("GET") && path.matches("/repos/o/r/issues/\\d+")) {
        int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        return json(200, issue(n));
      }
      if ((m = COMMENTS.matcher(path)).matches()) {
        int n = Integer.parseInt(m.group(1));
        if (method.equals("GET")) {
          return commentsPage(request, n);
        }
        if (method.equals("POST")) {
          String body = JSON.readTree(request.getBody().utf8()).get("body").asText();
          return json(
              201, addComment(n, body, viewerLogin == null ? "github-actions[bot]" : viewerLogin));
        }
      }
      if ((m = COMMENT.matcher(path)).matches() && method.equals("PATCH")) {
        long id = Long.parseLong(m.group(1));
        String body = JSON.readTree(request.getBody().utf8()).get("body").asText();
        for (List<ObjectNode> list : comments.values()) {
          for (ObjectNode c : list) {
            if (c.get("id").asLong() == id) {
              c.put("body", body);
              return json(200, c);
            }
          }
        }
        return error(404, "Not Found");
      }
      if (method.equals("GET") && path.matches("/repos/o/r/commits/[0-9a-f]+")) {
        String sha = path.substring(path.lastIndexOf('/') + 1);
        return json(200, JSON.createObjectNode().put("sha", sha).put("url", url() + path));
      }
      if (method.equals("GET") && path.matches("/repos/o/r/commits/[0-9a-f]+/pulls")) {
        String sha = path.split("/")[5];
        return json(200, pullsOfCommit.getOrDefault(sha, JSON.createArrayNode()));
      }
      if (method.equals("GET") && path.matches("/repos/o/r/pulls/\\d+")) {
        ObjectNode pr = pulls.get(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
        return pr == null ? error(404, "Not Found") : json(200, pr);
      }
      if (method.equals("POST") && path.matches("/repos/o/r/statuses/[0-9a-f]+")) {
        JsonNode body = JSON.readTree(request.getBody().utf8());
        statuses.add(body);
        return json(201, ((ObjectNode) body.deepCopy()).put("id", 1));
      }
    } catch (Exception e) {
      return error(500, e.toString());
    }
    unmatched.add(method + " " + target);
    return error(404, "Not Found");
  }

  private MockResponse commentsPage(RecordedRequest request, int issue) {
    String p = request.getUrl().queryParameter("page");
    int page = p == null ? 1 : Integer.parseInt(p);
    String perPage = request.getUrl().queryParameter("per_page");
    int size = perPage == null ? 30 : Math.min(Integer.parseInt(perPage), pageSize);
    List<ObjectNode> all = commentsOn(issue);
    int from = Math.min((page - 1) * size, all.size());
    int to = Math.min(from + size, all.size());
    ArrayNode arr = JSON.createArrayNode();
    all.subList(from, to).forEach(arr::add);
    MockResponse.Builder b = new MockResponse.Builder().code(200).body(arr.toString());
    b.addHeader("Content-Type", "application/json; charset=utf-8");
    if (to < all.size()) {
      String next =
          url()
              + "/repositories/1/issues/"
              + issue
              + "/comments?per_page="
              + size
              + "&page="
              + (page + 1);
      b.addHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    return b.build();
  }

  ObjectNode pull(int number, String mergedAt, String mergeCommitSha, boolean listShape) {
    ObjectNode pr = JSON.createObjectNode();
    pr.put("id", 5000 + number);
    pr.put("number", number);
    pr.put("title", "PR " + number);
    pr.put("state", mergedAt == null ? "open" : "closed");
    pr.put("url", url() + "/repos/o/r/pulls/" + number);
    pr.put("html_url", "https://github.com/o/r/pull/" + number);
    pr.put("merged_at", mergedAt);
    pr.put("merge_commit_sha", mergeCommitSha);
    pr.putObject("base").put("ref", "main").put("sha", "aaaa");
    pr.putObject("head").put("ref", "feature-" + number).put("sha", "bbbb");
    if (!listShape) {
      pr.put("merged", mergedAt != null);
      pr.put("mergeable_state", "unknown");
    }
    return pr;
  }

  private ObjectNode repository() {
    ObjectNode r = JSON.createObjectNode();
    r.put("id", 1);
    r.put("name", "r");
    r.put("full_name", "o/r");
    r.put("url", url() + "/repos/o/r");
    r.put("html_url", "https://github.com/o/r");
    r.putObject("owner").put("login", "o").put("id", 2).put("type", "Organization");
    return r;
  }

  private ObjectNode issue(int n) {
    ObjectNode i = JSON.createObjectNode();
    i.put("id", 9000 + n);
    i.put("number", n);
    i.put("title", "PR " + n);
    i.put("state", "open");
    i.put("url", url() + "/repos/o/r/issues/" + n);
    i.put("html_url", "https://github.com/o/r/pull/" + n);
    i.putObject("pull_request").put("url", url() + "/repos/o/r/pulls/" + n);
    return i;
  }

  static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body.toString())
        .build();
  }

  static MockResponse error(int code, String message) {
    ObjectNode body = JSON.createObjectNode().put("message", message);
    body.put("documentation_url", "https://docs.github.com/rest");
    return json(code, body);
  }
}
