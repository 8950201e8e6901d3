package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Run;
import java.io.Serializable;

/** Stand-in for the credentials plugin's {@code Credentials}: something stored in Jenkins. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
  @CheckForNull
  CredentialsScope getScope();

  @Override
  @NonNull
  CredentialsDescriptor getDescriptor();

  /** A version of these credentials specialised for a build (by default, itself). */
  @NonNull
  default Credentials forRun(@NonNull Run<?, ?> context) {
    return this;
  }
}
