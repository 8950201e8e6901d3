package io.github.planetscaleci.emulator.faults;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One fault: which requests it matches (HTTP method, path glob, operation name; null matches any),
 * what it does, and how often (a probability, or the next {@code times} matching requests).
 *
 * <p>Path globs are matched against the full path: {@code *} is one segment, {@code **} any number;
 * a glob without the {@code /v1} prefix gets it.
 */
public record FaultRule(
    String method,
    String path,
    String operation,
    FaultAction action,
    double probability,
    int times,
    Duration latency,
    Integer retryAfterSeconds) {

  /** Starts a rule for an action; by default it matches everything, always. */
  public static Builder of(FaultAction action) {
    return new Builder(action);
  }

  /** Whether the rule applies to this request (ignoring probability and count). */
  public boolean matches(String requestMethod, String requestPath, String operationName) {
    if (method != null && !method.equalsIgnoreCase(requestMethod)) {
      return false;
    }
    if (operation != null && !operation.equals(operationName)) {
      return false;
    }
    return path == null || globToRegex(path).matcher(requestPath).matches();
  }

  static Pattern globToRegex(String glob) {
    String full = glob.startsWith("/v1") ? glob : "/v1" + (glob.startsWith("/") ? "" : "/") + glob;
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < full.length(); i++) {
      char c = full.charAt(i);
      if (c == '*' && i + 1 < full.length() && full.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^/]*");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  /** Fluent construction of a rule. */
  public static final class Builder {
    private final FaultAction action;
    private String method;
    private String path;
    private String operation;
    private double probability = 1.0;
    private int times = -1;
    private Duration latency = Duration.ZERO;
    private Integer retryAfterSeconds;

    private Builder(FaultAction action) {
      this.action = action;
    }

    /** Only requests with this HTTP method. */
    public Builder method(String value) {
      this.method = value;
      return this;
    }

    /** Only requests whose path matches this glob. */
    public Builder path(String glob) {
      this.path = glob;
      return this;
    }

    /** Only requests to this operation, e.g. {@code create_branch}. */
    public Builder operation(String name) {
      this.operation = name;
      return this;
    }

    /** Fires with this probability (0..1) on each matching request. */
    public Builder probability(double value) {
      this.probability = value;
      return this;
    }

    /** Fires on the next {@code n} matching requests, then never again. */
    public Builder times(int n) {
      this.times = n;
      return this;
    }

    /** Delay for {@link FaultAction#LATENCY}. */
    public Builder latency(Duration value) {
      this.latency = value;
      return this;
    }

    /** Retry-After seconds for {@link FaultAction#TOO_MANY_REQUESTS}; none when not set. */
    public Builder retryAfterSeconds(int seconds) {
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** The rule. */
    public FaultRule build() {
      return new FaultRule(
          method, path, operation, action, probability, times, latency, retryAfterSeconds);
    }
  }
}
