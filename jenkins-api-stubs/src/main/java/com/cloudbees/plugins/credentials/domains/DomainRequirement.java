package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** Stand-in for the credentials plugin's {@code DomainRequirement}: a hint for lookups. */
public class DomainRequirement implements ExtensionPoint, Serializable {
  private static final long serialVersionUID = 1L;
}
