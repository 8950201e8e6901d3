package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-in for Jenkins core's {@code hudson.security.Permission}: an identity compared by id
 * (groups, scopes and implication are not modelled).
 */
public final class Permission {
  private static final Map<String, Permission> ALL = new ConcurrentHashMap<>();

  /** Short name, e.g. {@code Configure}. */
  @NonNull public final String name;

  private final String id;

  private Permission(String id) {
    this.id = id;
    this.name = id.substring(id.lastIndexOf('.') + 1);
  }

  /**
   * Returns the permission with that id ({@code owner class name + "." + name}). Deviation: the
   * stub interns unknown ids instead of returning null, because it has no permission registry.
   */
  @CheckForNull
  public static Permission fromId(@NonNull String id) {
    return ALL.computeIfAbsent(id, Permission::new);
  }

  @NonNull
  public String getId() {
    return id;
  }

  @Override
  public String toString() {
    return "Permission[" + id + "]";
  }
}
