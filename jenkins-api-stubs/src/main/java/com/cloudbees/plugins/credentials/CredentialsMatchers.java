package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for the credentials plugin's {@code CredentialsMatchers} (pure logic, works). */
public class CredentialsMatchers {
  private CredentialsMatchers() {}

  @NonNull
  public static CredentialsMatcher always() {
    return item -> true;
  }

  @NonNull
  @SuppressWarnings("rawtypes")
  public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
    return clazz::isInstance;
  }

  @NonNull
  public static CredentialsMatcher withId(@NonNull String id) {
    return item -> item instanceof IdCredentials c && id.equals(c.getId());
  }

  @NonNull
  public static CredentialsMatcher allOf(@NonNull CredentialsMatcher... matchers) {
    return item -> {
      for (CredentialsMatcher m : matchers) {
        if (!m.matches(item)) {
          return false;
        }
      }
      return true;
    };
  }

  @NonNull
  public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher... matchers) {
    return item -> {
      for (CredentialsMatcher m : matchers) {
        if (m.matches(item)) {
          return true;
        }
      }
      return false;
    };
  }

  @CheckForNull
  public static <C extends Credentials> C firstOrNull(
      @NonNull Iterable<C> credentials, @NonNull CredentialsMatcher matcher) {
    for (C c : credentials) {
      if (matcher.matches(c)) {
        return c;
      }
    }
    return null;
  }
}
