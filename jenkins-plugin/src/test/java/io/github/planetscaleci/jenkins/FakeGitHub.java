package io.github.planetscaleci.jenkins;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * GitHub's REST API as far as a sticky pull-request comment needs it (repository {@code acme/shop},
 * one page of issue comments, post and edit, {@code /user}), as core's github tests fake it.
 * Requests it does not serve are recorded in {@link #unmatched}.
 */
final class FakeGitHub extends Dispatcher implements AutoCloseable {
  static final String LOGIN = "jenkins-bot";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISSUE = Pattern.compile("/repos/acme/shop/issues/(\\d+)");
  private static final Pattern COMMENTS =
      Pattern.compile("/repos/acme/shop/issues/(\\d+)/comments");
  private static final Pattern COMMENT = Pattern.compile("/repos/acme/shop/issues/comments/(\\d+)");

  private final MockWebServer server = new MockWebServer();
  private final List<ObjectNode> comments = new ArrayList<>();
  final List<String> unmatched = Collections.synchronizedList(new ArrayList<>());
  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private long nextId = 100;

  FakeGitHub() throws Exception {
    server.setDispatcher(this);
    server.start();
  }

  String url() {
    return server.url("/").toString().replaceAll("/$", "");
  }

  /** The bodies of the comments on pull request {@code number}, oldest first. */
  synchronized List<String> bodiesOn(int number) {
    return comments.stream()
        .filter(c -> c.get("issue_url").asText().endsWith("/issues/" + number))
        .map(c -> c.get("body").asText())
        .toList();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    String method = request.getMethod();
    String path = request.getUrl().encodedPath();
    String auth = request.getHeaders().get("Authorization");
    authorizations.add(auth == null ? "" : auth);
    try {
      Matcher m;
      if (method.equals("GET") && path.equals("/repos/acme/shop")) {
        ObjectNode r = JSON.createObjectNode().put("id", 1).put("name", "shop");
        r.put("full_name", "acme/shop").put("url", url() + "/repos/acme/shop");
        r.putObject("owner").put("login", "acme").put("id", 2).put("type", "Organization");
        return json(200, r);
      }
      if (method.equals("GET") && path.equals("/user")) {
        return json(200, JSON.createObjectNode().put("login", LOGIN).put("id", 7));
      }
      if (method.equals("GET") && (m = ISSUE.matcher(path)).matches()) {
        ObjectNode i = JSON.createObjectNode().put("id", 9000).put("number", m.group(1));
        i.put("state", "open").put("url", url() + path);
        i.putObject("pull_request").put("url", url() + "/repos/acme/shop/pulls/" + m.group(1));
        return json(200, i);
      }
      if ((m = COMMENTS.matcher(path)).matches() && method.equals("GET")) {
        String issue = "/issues/" + m.group(1);
        ArrayNode page = JSON.createArrayNode();
        comments.stream()
            .filter(c -> c.get("issue_url").asText().endsWith(issue))
            .forEach(page::add);
        return json(200, page);
      }
      if (COMMENTS.matcher(path).matches() && method.equals("POST")) {
        ObjectNode c = JSON.createObjectNode().put("id", nextId++);
        c.put("issue_url", url() + path.replace("/comments", ""));
        c.put("html_url", "https://github.com/acme/shop/pull/1#issuecomment-" + c.get("id"));
        c.put("body", JSON.readTree(request.getBody().utf8()).get("body").asText());
        c.putObject("user").put("login", LOGIN).put("id", 7).put("type", "User");
        comments.add(c);
        return json(201, c);
      }
      if ((m = COMMENT.matcher(path)).matches() && method.equals("PATCH")) {
        for (ObjectNode c : comments) {
          if (c.get("id").asText().equals(m.group(1))) {
            c.put("body", JSON.readTree(request.getBody().utf8()).get("body").asText());
            return json(200, c);
          }
        }
      }
    } catch (Exception e) {
      return json(500, JSON.createObjectNode().put("message", e.toString()));
    }
    unmatched.add(method + " " + request.getTarget());
    return json(404, JSON.createObjectNode().put("message", "Not Found"));
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .body(body.toString())
        .build();
  }

  @Override
  public void close() {
    server.close();
  }
}
