package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for the credentials plugin's {@code SchemeRequirement}. */
public class SchemeRequirement extends DomainRequirement {
  private static final long serialVersionUID = 1L;

  @NonNull private final String scheme;

  public SchemeRequirement(@NonNull String scheme) {
    this.scheme = scheme;
  }

  @NonNull
  public String getScheme() {
    return scheme;
  }
}
