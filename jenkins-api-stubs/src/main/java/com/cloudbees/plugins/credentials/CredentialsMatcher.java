package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Stand-in for the credentials plugin's {@code CredentialsMatcher}: a serializable predicate. */
public interface CredentialsMatcher extends Serializable {
  boolean matches(@NonNull Credentials item);
}
