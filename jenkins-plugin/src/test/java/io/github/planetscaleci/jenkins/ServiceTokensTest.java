package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.util.Secret;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;

/** Both credential kinds become a service token; messages never show the secret. */
class ServiceTokensTest {
  private static final String CANARY = "canary-pscale_tkn_9Z8Y7X";

  @Test
  void usernameWithPasswordIsIdAndToken() throws Exception {
    ServiceToken t = ServiceTokens.from(new UserPass(" tok-id ", CANARY), "ps");
    assertThat(t.id()).isEqualTo("tok-id");
    assertThat(t.secret()).isEqualTo(CANARY);
  }

  @Test
  void secretTextIsIdColonToken() throws Exception {
    ServiceToken t = ServiceTokens.from(new Text("tok-id:" + CANARY + "\n"), "ps");
    assertThat(t.id()).isEqualTo("tok-id");
    assertThat(t.secret()).isEqualTo(CANARY);
    assertThat(ServiceTokens.secretOf(new Text(" ghp_" + CANARY), "gh")).isEqualTo("ghp_" + CANARY);
  }

  @Test
  void unusableCredentialsAreRejectedWithoutShowingTheSecret() {
    assertThatThrownBy(() -> ServiceTokens.from(new Text(CANARY), "ps"))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("credentials 'ps' cannot be used")
        .hasMessageContaining("<service token id>:<service token>")
        .message()
        .doesNotContain(CANARY);
    assertThatThrownBy(() -> ServiceTokens.from(new Text("id:"), "ps"))
        .isInstanceOf(AbortException.class);
    assertThatThrownBy(() -> ServiceTokens.from(new UserPass("", CANARY), "ps"))
        .hasMessageContaining("username")
        .message()
        .doesNotContain(CANARY);
    assertThatThrownBy(() -> ServiceTokens.from(new Other(), "ps"))
        .hasMessageContaining("use Username with password or Secret text");
  }

  private abstract static class Base implements StandardCredentials {
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

  private static final class UserPass extends Base implements StandardUsernamePasswordCredentials {
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

  private static final class Text extends Base implements StringCredentials {
    private final Secret secret;

    Text(String secret) {
      this.secret = Secret.fromString(secret);
    }

    @Override
    public Secret getSecret() {
      return secret;
    }
  }

  private static final class Other extends Base {}
}
