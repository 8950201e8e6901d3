package io.github.planetscaleci.core.event;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces every registered secret, and its URL-encoded form, with {@code ***}; thread-safe.
 *
 * <p>Wrappers feed it every {@link WorkflowEvent.MaskSecret} (and their own secrets, such as the
 * service token) and pass every line they print through {@link #mask(String)}. Longer secrets are
 * replaced first, so a secret that contains another is masked whole.
 */
public final class SecretMasker {
  /** Shorter values would mask ordinary words and numbers; real secrets are far longer. */
  static final int MIN_LENGTH = 4;

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();
  private volatile List<String> ordered = List.of();

  /** Registers a secret; null, blank and very short values are ignored. */
  public void add(String secret) {
    if (secret == null || secret.isBlank() || secret.length() < MIN_LENGTH) {
      return;
    }
    boolean changed = secrets.add(secret);
    String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    changed |= secrets.add(encoded);
    if (changed) {
      ordered =
          secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
  }

  /** The text with every registered secret replaced by {@code ***}. */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : ordered) {
      if (masked.contains(secret)) {
        masked = masked.replace(secret, "***");
      }
    }
    return masked;
  }

  /** A listener that registers every {@link WorkflowEvent.MaskSecret}, then forwards all events. */
  public WorkflowListener registering(WorkflowListener next) {
    return event -> {
      if (event instanceof WorkflowEvent.MaskSecret secret) {
        add(secret.value());
      }
      next.onEvent(event);
    };
  }

  @Override
  public String toString() {
    return "SecretMasker[" + secrets.size() + " secrets]";
  }
}
