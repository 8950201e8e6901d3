package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Stand-in for Jenkins core's {@code hudson.security.ACL} (no Spring Security types, so no
 * authentication-based members).
 */
public abstract class ACL {
  /** Real: checks the current thread's authentication; needs Spring Security and Jenkins. */
  public final boolean hasPermission(@NonNull Permission p) {
    throw new UnsupportedOperationException("stub: ACL.hasPermission");
  }

  /** Real: throws AccessDeniedException3 when the check fails. */
  public final void checkPermission(@NonNull Permission p) {
    throw new UnsupportedOperationException("stub: ACL.checkPermission");
  }
}
