package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for the credentials plugin's {@code HostnameRequirement}. */
public class HostnameRequirement extends DomainRequirement {
  private static final long serialVersionUID = 1L;

  @NonNull private final String hostname;

  public HostnameRequirement(@NonNull String hostname) {
    this.hostname = hostname;
  }

  @NonNull
  public String getHostname() {
    return hostname;
  }
}
