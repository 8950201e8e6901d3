package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Stand-in for the credentials plugin's {@code URIRequirementBuilder} (scheme/host/port/path). */
public class URIRequirementBuilder {
  private String scheme;
  private String hostname;
  private int port = -1;
  private String path;

  private URIRequirementBuilder() {}

  @NonNull
  public static URIRequirementBuilder create() {
    return new URIRequirementBuilder();
  }

  /** Parses {@code uri}; an unparsable or null URI gives an empty builder. */
  @NonNull
  public static URIRequirementBuilder fromUri(@CheckForNull String uri) {
    URIRequirementBuilder b = create();
    if (uri != null) {
      try {
        URI u = new URI(uri);
        b.scheme = u.getScheme();
        b.hostname = u.getHost();
        b.port = u.getPort();
        b.path = u.getRawPath();
      } catch (Exception e) {
        // same as the real builder: unparsable input yields no requirements
      }
    }
    return b;
  }

  @NonNull
  public URIRequirementBuilder withScheme(@CheckForNull String scheme) {
    this.scheme = scheme;
    return this;
  }

  @NonNull
  public URIRequirementBuilder withHostname(@CheckForNull String hostname) {
    this.hostname = hostname;
    this.port = -1;
    return this;
  }

  @NonNull
  public URIRequirementBuilder withPath(@CheckForNull String path) {
    this.path = path;
    return this;
  }

  @NonNull
  public List<DomainRequirement> build() {
    List<DomainRequirement> out = new ArrayList<>();
    if (scheme != null) {
      out.add(new SchemeRequirement(scheme));
    }
    if (hostname != null) {
      out.add(
          port == -1
              ? new HostnameRequirement(hostname)
              : new HostnamePortRequirement(hostname, port));
    }
    if (path != null && !path.isEmpty()) {
      out.add(new PathRequirement(path));
    }
    return out;
  }
}
