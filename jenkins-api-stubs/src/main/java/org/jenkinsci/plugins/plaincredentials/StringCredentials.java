package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** Stand-in for plain-credentials' {@code StringCredentials}: a "secret text" credential. */
public interface StringCredentials extends StandardCredentials {
  @NonNull
  Secret getSecret();
}
