package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for the credentials plugin's {@code PathRequirement}. */
public class PathRequirement extends DomainRequirement {
  private static final long serialVersionUID = 1L;

  @NonNull private final String path;

  public PathRequirement(@NonNull String path) {
    this.path = path;
  }

  @NonNull
  public String getPath() {
    return path;
  }
}
