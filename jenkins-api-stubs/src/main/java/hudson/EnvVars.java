package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stand-in for Jenkins core's {@code hudson.EnvVars}: a case-insensitive environment map with
 * Jenkins' override semantics (empty value removes, {@code PATH+XYZ} prepends).
 */
public class EnvVars extends TreeMap<String, String> {
  private static final long serialVersionUID = 4320331661987259022L;

  public EnvVars() {
    super(String.CASE_INSENSITIVE_ORDER);
  }

  public EnvVars(@NonNull Map<String, String> m) {
    this();
    putAll(m);
  }

  public EnvVars(@NonNull EnvVars m) {
    this((Map<String, String>) m);
  }

  /** Builds from alternating keys and values. */
  public EnvVars(String... keyValuePairs) {
    this();
    if (keyValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException(java.util.Arrays.asList(keyValuePairs).toString());
    }
    for (int i = 0; i < keyValuePairs.length; i += 2) {
      put(keyValuePairs[i], keyValuePairs[i + 1]);
    }
  }

  /**
   * Sets {@code key}; a null or empty value removes it, and {@code NAME+SUFFIX} prepends the value
   * to {@code NAME} with the path separator.
   */
  public void override(String key, String value) {
    if (value == null || value.isEmpty()) {
      remove(key);
      return;
    }
    int plus = key.indexOf('+');
    if (plus > 0) {
      String realKey = key.substring(0, plus);
      String existing = get(realKey);
      put(realKey, existing == null ? value : value + File.pathSeparatorChar + existing);
      return;
    }
    put(key, value);
  }

  public EnvVars overrideAll(Map<String, String> all) {
    for (Map.Entry<String, String> e : all.entrySet()) {
      override(e.getKey(), e.getValue());
    }
    return this;
  }

  /**
   * Overrides with every entry, expanding each value against this map first; entries that refer to
   * other entries of {@code all} are applied after them.
   */
  public EnvVars overrideExpandingAll(@NonNull Map<String, String> all) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String key : all.keySet()) {
      visit(key, all, ordered, new LinkedHashSet<>());
    }
    for (String key : ordered) {
      override(key, expand(all.get(key)));
    }
    return this;
  }

  private static void visit(
      String key, Map<String, String> all, Set<String> ordered, Set<String> inProgress) {
    if (ordered.contains(key) || !inProgress.add(key)) {
      return; // done already, or a cycle: apply in encounter order
    }
    String value = all.get(key);
    List<String> deps = new ArrayList<>();
    if (value != null) {
      for (String other : all.keySet()) {
        String name = other.contains("+") ? other.substring(0, other.indexOf('+')) : other;
        if (!other.equals(key) && (value.contains("$" + name) || value.contains("${" + name))) {
          deps.add(other);
        }
      }
    }
    for (String dep : deps) {
      visit(dep, all, ordered, inProgress);
    }
    ordered.add(key);
  }

  /** Rejects null values, like the real class. */
  @Override
  public String put(String key, String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "Null value not allowed as an environment variable: " + key);
    }
    return super.put(key, value);
  }

  public void putIfNotNull(String key, String value) {
    if (value != null) {
      put(key, value);
    }
  }

  public String get(String key, String defaultValue) {
    String v = get(key);
    return v == null ? defaultValue : v;
  }

  /** Expands {@code $VAR} / {@code ${VAR}} references against this map. */
  public String expand(String s) {
    return Util.replaceMacro(s, this);
  }
}
