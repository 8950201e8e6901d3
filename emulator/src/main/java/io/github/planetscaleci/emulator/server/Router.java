package io.github.planetscaleci.emulator.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps method and path templates such as {@code /organizations/{organization}} to handlers. */
public final class Router {
  /** Handles one matched request. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request) throws Exception;
  }

  /** A route: method, path template compiled to a pattern, operation name (the spec's id). */
  public record Route(
      String method, Pattern pattern, List<String> names, String operation, Handler handler) {}

  /** A matched route with its path parameters. */
  public record Match(Route route, Map<String, String> params) {}

  private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");
  private final List<Route> routes = new ArrayList<>();

  /** Adds a route; {@code template} is relative to {@code /v1}. */
  public Router add(String method, String template, String operation, Handler handler) {
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(template);
    StringBuilder re = new StringBuilder("/v1");
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    re.append(Pattern.quote(template.substring(last))).append("/?");
    routes.add(new Route(method, Pattern.compile(re.toString()), names, operation, handler));
    return this;
  }

  /** The route for a method and path, if any. */
  public Optional<Match> match(String method, String path) {
    for (Route route : routes) {
      Matcher m = route.pattern().matcher(path);
      if (route.method().equals(method) && m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < route.names().size(); i++) {
          params.put(
              route.names().get(i),
              java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Optional.of(new Match(route, params));
      }
    }
    return Optional.empty();
  }
}
