package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in for the credentials plugin's {@code IdCredentials}: credentials with an id. */
public interface IdCredentials extends Credentials {
  @NonNull
  String getId();
}
