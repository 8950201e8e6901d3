import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in PlanetScale API for the class-data-sharing training runs only (build stage, no
 * network): it answers open-branch, the post step's close, sweep and a bad token the way the real
 * API does, so the runs load the success paths (OkHttp responses, Jackson records) as well as the
 * error path. Bodies carry the fields PlanetScale's OpenAPI spec requires (TrainingApiShapeTest
 * holds them to the emulator's spec-checked answers). Never part of the image's /app.
 *
 * <p>Run with the build JDK's source launcher: {@code java TrainingApi.java <port-file>}; the
 * accepted {@code Authorization} header comes from the TRAINING_AUTHORIZATION variable, so the fake
 * token is never on a command line.
 */
public class TrainingApi {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String WEB = "https://app.planetscale.com/";
  private static final String API = "https://api.planetscale.com/v1/organizations/";
  private static final String HOST = "aws.connect.psdb.cloud";
  private static final String REGION =
      "{\"id\":\"pscale-region\",\"provider\":\"AWS\",\"enabled\":true,\"public_ip_addresses\":[],"
          + "\"display_name\":\"AWS us-east-1\",\"location\":\"Ashburn, Virginia\","
          + "\"slug\":\"us-east\",\"current_default\":true,\"mysql_supported\":true,"
          + "\"postgresql_supported\":true}";
  private static final String ACTOR =
      "{\"id\":\"training-act\",\"display_name\":\"planetscale-ci training\","
          + "\"avatar_url\":\"https://app.planetscale.com/gravatar-fallback.png\"}";
  private static final String TIME = "2024-05-01T12:00:00.000Z";

  /** Branches created so far ("org/db/branch"), each with its password ids. */
  private static final Map<String, Set<String>> BRANCHES = new ConcurrentHashMap<>();

  public static void main(String[] args) throws IOException {
    String auth = System.getenv("TRAINING_AUTHORIZATION");
    if (auth == null || auth.isEmpty()) {
      throw new IllegalStateException("set TRAINING_AUTHORIZATION to the accepted header");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            if (!auth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
              send(exchange, 401, error("unauthorized", "Requires authentication"));
            } else {
              route(exchange, new String(exchange.getRequestBody().readAllBytes(), UTF_8));
            }
          }
        });
    server.start();
    Files.writeString(Path.of(args[0]), Integer.toString(server.getAddress().getPort()));
  }

  private static void route(HttpExchange ex, String body) throws IOException {
    String method = ex.getRequestMethod();
    // v1/organizations/{org}/databases/{db}/branches/{branch}/passwords/{id}
    String[] p = ex.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
    if (p.length < 5 || !p[0].equals("v1") || !p[1].equals("organizations")) {
      send(ex, 404, error("not_found", "Not Found"));
      return;
    }
    String org = p[2];
    String db = p[4];
    String tail = String.join("/", java.util.Arrays.copyOfRange(p, 5, p.length));
    String branch = p.length > 6 ? p[6] : null;
    String key = org + "/" + db + "/" + branch;
    if (tail.isEmpty() && method.equals("GET")) {
      send(ex, 200, database(org, db));
    } else if (tail.equals("branches") && method.equals("GET")) {
      send(ex, 200, list(""));
    } else if (tail.equals("deploy-requests") && method.equals("GET")) {
      send(ex, 200, list(""));
    } else if (tail.equals("branches") && method.equals("POST")) {
      Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
      if (!m.find()) {
        send(ex, 422, error("unprocessable", "name is required"));
        return;
      }
      String name = m.group(1);
      BRANCHES.put(org + "/" + db + "/" + name, ConcurrentHashMap.newKeySet());
      send(ex, 201, branch(org, db, name, false));
    } else if (p.length == 7 && method.equals("GET")) {
      if (BRANCHES.containsKey(key)) {
        send(ex, 200, branch(org, db, branch, true));
      } else {
        send(ex, 404, error("not_found", "Not Found"));
      }
    } else if (p.length == 7 && method.equals("DELETE")) {
      send(ex, BRANCHES.remove(key) != null ? 204 : 404, null);
    } else if (p.length == 8 && tail.endsWith("/passwords") && method.equals("POST")) {
      if (!BRANCHES.containsKey(key)) {
        send(ex, 404, error("not_found", "Not Found"));
        return;
      }
      String id = randomId();
      BRANCHES.get(key).add(id);
      send(ex, 201, password(id, org, db, branch));
    } else if (p.length == 8 && tail.endsWith("/passwords") && method.equals("GET")) {
      send(ex, 200, list(""));
    } else if (p.length == 9 && method.equals("DELETE")) {
      Set<String> ids = BRANCHES.get(key);
      send(ex, ids != null && ids.remove(p[8]) ? 204 : 404, null);
    } else {
      send(ex, 404, error("not_found", "Not Found"));
    }
  }

  private static String database(String org, String db) {
    return ("{\"id\":\"training-db1\",\"type\":\"Database\",\"url\":\"%s%s/databases/%s\","
            + "\"branches_url\":\"%s%s/databases/%s/branches\",\"branches_count\":1,"
            + "\"open_schema_recommendations_count\":0,\"development_branches_count\":0,"
            + "\"production_branches_count\":1,\"issues_count\":0,"
            + "\"multiple_admins_required_for_deletion\":false,\"ready\":true,"
            + "\"at_backup_restore_branches_limit\":false,"
            + "\"at_development_branch_usage_limit\":false,\"data_import\":null,\"region\":%s,"
            + "\"html_url\":\"%s%s/%s\",\"name\":\"%s\",\"state\":\"ready\",\"sharded\":false,"
            + "\"default_branch_shard_count\":1,\"default_branch_read_only_regions_count\":0,"
            + "\"default_branch_table_count\":3,\"default_branch\":\"main\","
            + "\"require_approval_for_deploy\":false,\"deletion_protected\":false,"
            + "\"resizing\":false,\"resize_queued\":false,\"config_changing\":false,"
            + "\"config_change_queued\":false,\"allow_data_branching\":true,"
            + "\"foreign_keys_enabled\":true,\"automatic_migrations\":false,"
            + "\"restrict_branch_region\":false,\"insights_raw_queries\":false,"
            + "\"plan\":\"scaler_pro\",\"insights_enabled\":true,"
            + "\"production_branch_web_console\":false,\"migration_table_name\":null,"
            + "\"migration_framework\":null,\"created_at\":\"%s\",\"updated_at\":\"%s\","
            + "\"schema_last_updated_at\":\"%s\",\"kind\":\"mysql\"}")
        .formatted(API, org, db, API, org, db, REGION, WEB, org, db, db, TIME, TIME, TIME);
  }

  private static String branch(String org, String db, String name, boolean ready) {
    return ("{\"id\":\"training-br%s\",\"type\":\"Branch\",\"name\":\"%s\",\"created_at\":\"%s\","
            + "\"updated_at\":\"%s\",\"deleted_at\":null,\"restore_checklist_completed_at\":null,"
            + "\"schema_last_updated_at\":\"%s\",\"kind\":\"mysql\",\"mysql_address\":\"%s\","
            + "\"mysql_edge_address\":\"%s\",\"access_host_url\":\"%s\",\"state\":\"%s\","
            + "\"direct_vtgate\":false,\"vtgate_size\":\"vg.dev\",\"vtgate_name\":null,"
            + "\"vtgate_count\":1,\"vtgate_autoscaling\":false,\"vtgate_max_count\":null,"
            + "\"vtgate_target_cpu_utilization\":null,\"cluster_name\":\"PS_DEV\","
            + "\"cluster_iops\":null,\"ready\":%s,\"schema_ready\":%s,\"metal\":false,"
            + "\"production\":false,\"safe_migrations\":false,\"deletion_protected\":false,"
            + "\"sharded\":false,\"shard_count\":1,\"keyspace_count\":1,\"stale_schema\":false,"
            + "\"actor\":%s,\"restored_from_branch\":null,\"private_edge_connectivity\":false,"
            + "\"has_replicas\":false,\"has_read_only_replicas\":false,\"html_url\":\"%s%s/%s/%s\","
            + "\"url\":\"%s%s/databases/%s/branches/%s\",\"region\":%s,"
            + "\"parent_branch\":\"main\",\"vtgate_options\":{}}")
        .formatted(
            Math.abs(name.hashCode()), name, TIME, TIME, TIME, HOST, HOST, HOST,
            ready ? "ready" : "pending", ready, ready, ACTOR, WEB, org, db, name, API, org, db,
            name, REGION);
  }

  private static String password(String id, String org, String db, String branch) {
    // A fresh random secret of the real format: nothing fixed that could pass for a credential.
    String secret = "pscale_pw_" + randomId() + randomId() + randomId();
    return ("{\"id\":\"%s\",\"type\":\"Password\",\"name\":\"%s\",\"role\":\"admin\","
            + "\"cidrs\":null,\"created_at\":\"%s\",\"deleted_at\":null,\"expires_at\":null,"
            + "\"last_used_at\":null,\"expired\":false,\"direct_vtgate\":false,"
            + "\"direct_vtgate_addresses\":[],\"ttl_seconds\":null,\"access_host_url\":\"%s\","
            + "\"access_host_regional_url\":\"%s\",\"access_host_regional_urls\":[\"%s\"],"
            + "\"actor\":%s,\"region\":%s,\"username\":\"%s\",\"plain_text\":\"%s\","
            + "\"replica\":false,\"renewable\":false,\"database_branch\":{\"name\":\"%s\","
            + "\"id\":\"training-br%s\",\"production\":false,\"mysql_edge_address\":\"%s\","
            + "\"private_edge_connectivity\":false,\"access_host_url\":\"%s\"},"
            + "\"database_name\":\"%s\"}")
        .formatted(
            id, branch + "-pw", TIME, HOST, HOST, HOST, ACTOR, REGION, randomId(), secret,
            branch, Math.abs(branch.hashCode()), HOST, HOST, db);
  }

  private static String list(String items) {
    return "{\"type\":\"list\",\"current_page\":1,\"per_page\":100,\"next_page\":null,"
        + "\"next_page_url\":null,\"prev_page\":null,\"prev_page_url\":null,"
        + "\"total_count\":0,\"total_pages\":1,\"data\":["
        + items
        + "]}";
  }

  private static String error(String code, String message) {
    return "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}";
  }

  private static String randomId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder s = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    if (body == null) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = body.getBytes(UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }
}
