package io.github.planetscaleci.emulator.faults;

import java.time.Duration;

/**
 * Parses the command line's fault syntax: an action, then comma-separated options.
 *
 * <pre>
 *   latency=200ms | 429 | 429=2 (Retry-After seconds) | 500 | 503 | drop-before | drop-after
 *   options: p=0.2 (probability)  times=3  method=POST  path=/organizations/&#42;/databases/&#42;/branches  op=create_branch
 * </pre>
 *
 * Example: {@code --fault 429=1,p=0.1,op=create_branch}.
 */
public final class FaultSpec {
  private FaultSpec() {}

  /** One rule from its text form; throws IllegalArgumentException naming the bad part. */
  public static FaultRule parse(String text) {
    String[] parts = text.split(",");
    FaultRule.Builder b = action(parts[0].trim());
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("Fault option needs key=value: " + part);
      }
      String key = part.substring(0, eq);
      String value = part.substring(eq + 1);
      switch (key) {
        case "p", "probability" -> b.probability(Double.parseDouble(value));
        case "times" -> b.times(Integer.parseInt(value));
        case "method" -> b.method(value);
        case "path" -> b.path(value);
        case "op", "operation" -> b.operation(value);
        default -> throw new IllegalArgumentException("Unknown fault option: " + key);
      }
    }
    return b.build();
  }

  private static FaultRule.Builder action(String action) {
    String name = action.contains("=") ? action.substring(0, action.indexOf('=')) : action;
    String arg = action.contains("=") ? action.substring(action.indexOf('=') + 1) : null;
    return switch (name) {
      case "latency" ->
          FaultRule.of(FaultAction.LATENCY).latency(duration(arg == null ? "1s" : arg));
      case "429" -> {
        FaultRule.Builder b = FaultRule.of(FaultAction.TOO_MANY_REQUESTS);
        yield arg == null ? b : b.retryAfterSeconds(Integer.parseInt(arg));
      }
      case "500" -> FaultRule.of(FaultAction.INTERNAL_ERROR);
      case "503" -> FaultRule.of(FaultAction.SERVICE_UNAVAILABLE);
      case "drop-before" -> FaultRule.of(FaultAction.DROP_BEFORE);
      case "drop-after" -> FaultRule.of(FaultAction.DROP_AFTER);
      default -> throw new IllegalArgumentException("Unknown fault action: " + name);
    };
  }

  /**
   * Durations like {@code 250ms}, {@code 2s}, {@code 30m}, {@code 1h}, or ISO-8601 ({@code PT2S}).
   */
  public static Duration duration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.startsWith("pt")) {
      return Duration.parse(text.trim());
    }
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("Duration needs a unit (ms, s, m, h): " + text);
    };
  }
}
