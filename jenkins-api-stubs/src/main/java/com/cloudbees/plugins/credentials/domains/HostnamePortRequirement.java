package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for the credentials plugin's {@code HostnamePortRequirement}. */
public class HostnamePortRequirement extends HostnameRequirement {
  private static final long serialVersionUID = 1L;
  private final int port;

  public HostnamePortRequirement(@NonNull String hostname, int port) {
    super(hostname);
    this.port = port;
  }

  public int getPort() {
    return port;
  }
}
