package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import org.junit.jupiter.api.Test;

/** Both credential kinds become a service token; messages never show the secret. */
class ServiceTokensTest {
  private static final String CANARY = "canary-pscale_tkn_9Z8Y7X";

  @Test
  void usernameWithPasswordIsIdAndToken() throws Exception {
    ServiceToken t = ServiceTokens.from(new TestCredentials.UserPass(" tok-id ", CANARY), "ps");
    assertThat(t.id()).isEqualTo("tok-id");
    assertThat(t.secret()).isEqualTo(CANARY);
  }

  @Test
  void secretTextIsIdColonToken() throws Exception {
    ServiceToken t = ServiceTokens.from(new TestCredentials.Text("tok-id:" + CANARY + "\n"), "ps");
    assertThat(t.id()).isEqualTo("tok-id");
    assertThat(t.secret()).isEqualTo(CANARY);
    assertThat(ServiceTokens.secretOf(new TestCredentials.Text(" ghp_" + CANARY), "gh"))
        .isEqualTo("ghp_" + CANARY);
  }

  @Test
  void unusableCredentialsAreRejectedWithoutShowingTheSecret() {
    assertThatThrownBy(() -> ServiceTokens.from(new TestCredentials.Text(CANARY), "ps"))
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("credentials 'ps' cannot be used")
        .hasMessageContaining("<service token id>:<service token>")
        .message()
        .doesNotContain(CANARY);
    assertThatThrownBy(() -> ServiceTokens.from(new TestCredentials.Text("id:"), "ps"))
        .isInstanceOf(AbortException.class);
    assertThatThrownBy(() -> ServiceTokens.from(new TestCredentials.UserPass("", CANARY), "ps"))
        .hasMessageContaining("username")
        .message()
        .doesNotContain(CANARY);
    assertThatThrownBy(() -> ServiceTokens.from(new TestCredentials.Other(), "ps"))
        .hasMessageContaining("use Username with password or Secret text");
  }
}
