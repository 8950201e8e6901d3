package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for the credentials plugin's {@code StandardListBoxModel}. */
public class StandardListBoxModel
    extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
  private static final long serialVersionUID = 1L;

  /** Description if set, else the id. */
  @Override
  @NonNull
  protected String describe(@NonNull StandardCredentials c) {
    String d = c.getDescription();
    return d == null || d.isBlank() ? c.getId() : d;
  }
}
