package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Stand-in for Jenkins core's {@code hudson.security.AccessControlled} (the Spring {@code
 * Authentication} overloads are omitted); test doubles override the defaults.
 */
public interface AccessControlled {
  @NonNull
  ACL getACL();

  default void checkPermission(@NonNull Permission permission) {
    getACL().checkPermission(permission);
  }

  default boolean hasPermission(@NonNull Permission permission) {
    return getACL().hasPermission(permission);
  }

  default void checkAnyPermission(@NonNull Permission... permission) {
    for (Permission p : permission) {
      if (hasPermission(p)) {
        return;
      }
    }
    if (permission.length > 0) {
      checkPermission(permission[0]);
    }
  }

  default boolean hasAnyPermission(@NonNull Permission... permission) {
    for (Permission p : permission) {
      if (hasPermission(p)) {
        return true;
      }
    }
    return false;
  }
}
