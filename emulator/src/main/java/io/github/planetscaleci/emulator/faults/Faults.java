package io.github.planetscaleci.emulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** The active fault rules; safe to change while the emulator serves requests. */
public final class Faults {
  private final List<ActiveRule> rules = new ArrayList<>();
  private Random random = new Random();

  /** Adds a rule; rules are tried in the order they were added. */
  public synchronized Faults add(FaultRule rule) {
    rules.add(new ActiveRule(rule, rule.times()));
    return this;
  }

  /** Removes every rule. */
  public synchronized Faults clear() {
    rules.clear();
    return this;
  }

  /** Makes probabilistic faults reproducible. */
  public synchronized Faults seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /** The rules as added. */
  public synchronized List<FaultRule> rules() {
    return rules.stream().map(r -> r.rule).toList();
  }

  /**
   * Decides the faults for one request: the total latency to add, and the first failing action that
   * fires, if any.
   */
  public synchronized Decision decide(String method, String path, String operation) {
    long latencyMillis = 0;
    FaultRule failure = null;
    for (ActiveRule active : rules) {
      if (!active.rule.matches(method, path, operation) || active.remaining == 0) {
        continue;
      }
      boolean fires = active.remaining > 0 || random.nextDouble() < active.rule.probability();
      if (!fires) {
        continue;
      }
      if (active.rule.action() == FaultAction.LATENCY) {
        latencyMillis += active.rule.latency().toMillis();
        consume(active);
      } else if (failure == null) {
        failure = active.rule;
        consume(active);
      }
    }
    return new Decision(latencyMillis, Optional.ofNullable(failure));
  }

  private static void consume(ActiveRule active) {
    if (active.remaining > 0) {
      active.remaining--;
    }
  }

  /** Latency to add and the failure to inject. */
  public record Decision(long latencyMillis, Optional<FaultRule> failure) {}

  private static final class ActiveRule {
    final FaultRule rule;
    int remaining;

    ActiveRule(FaultRule rule, int remaining) {
      this.rule = rule;
      this.remaining = remaining;
    }
  }
}
