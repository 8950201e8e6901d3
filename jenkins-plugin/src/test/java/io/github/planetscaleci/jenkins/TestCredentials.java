package io.github.planetscaleci.jenkins;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** The credential kinds users create, built without a running Jenkins. */
final class TestCredentials {
  private TestCredentials() {}

  abstract static class Base implements StandardCredentials {
    @Override
    public CredentialsScope getScope() {
      return CredentialsScope.GLOBAL;
    }

    @Override
    public CredentialsDescriptor getDescriptor() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getId() {
      return "ps";
    }

    @Override
    public String getDescription() {
      return "";
    }
  }

  /** Username with password. */
  static final class UserPass extends Base implements StandardUsernamePasswordCredentials {
    private final String user;
    private final Secret password;

    UserPass(String user, String password) {
      this.user = user;
      this.password = Secret.fromString(password);
    }

    @Override
    public String getUsername() {
      return user;
    }

    @Override
    public Secret getPassword() {
      return password;
    }
  }

  /** Secret text. */
  static final class Text extends Base implements StringCredentials {
    private final Secret secret;

    Text(String secret) {
      this.secret = Secret.fromString(secret);
    }

    @Override
    public Secret getSecret() {
      return secret;
    }
  }

  /** Some other kind (e.g. an SSH key). */
  static final class Other extends Base {}
}
