package io.github.planetscaleci.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** Settings validation, auth header shapes and redacted toString(). */
class ClientSettingsTest {
  private static final String SECRET = "pscale_tkn_CANARYsettings0001";
  private final Credentials token = new Credentials.ServiceToken("tokenid", SECRET);

  @Test
  void authorizationHeaders() {
    assertThat(token.authorizationHeader()).isEqualTo("tokenid:" + SECRET);
    assertThat(new Credentials.OAuthToken("abc123").authorizationHeader())
        .isEqualTo("Bearer abc123");
  }

  @Test
  void httpsRequiredExceptForLoopback() {
    assertThat(ClientSettings.builder(token).build().baseUrl())
        .isEqualTo(ClientSettings.DEFAULT_BASE_URL);
    for (String ok :
        new String[] {
          "http://127.0.0.1:8080/v1",
          "http://localhost/v1",
          "http://[::1]:9/v1",
          "https://psapi.example.com/v1"
        }) {
      assertThat(ClientSettings.builder(token).baseUrl(ok).build().baseUrl()).hasToString(ok);
    }
    assertThatThrownBy(
            () -> ClientSettings.builder(token).baseUrl("http://api.planetscale.com/v1").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("must use https")
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
    assertThatThrownBy(() -> ClientSettings.builder(token).baseUrl("api.planetscale.com").build())
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> ClientSettings.builder(null).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("service token");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    ClientSettings s = ClientSettings.builder(token).userAgentSuffix("x/1").build();
    assertThat(s.toString()).doesNotContain(SECRET).doesNotContain("CANARY").contains("tokenid");
    assertThat(new Credentials.OAuthToken(SECRET).toString()).doesNotContain("CANARY");
  }

  @Test
  void clientIsCreatedWithoutAnyRequest() {
    try (PlanetScaleClient client =
        PlanetScaleClient.create(
            ClientSettings.builder(token).baseUrl("http://127.0.0.1:1/v1").build())) {
      assertThat(client.settings().baseUrl()).hasToString("http://127.0.0.1:1/v1");
      assertThat(client.branches()).isNotNull();
      assertThat(client.passwords()).isNotNull();
      assertThat(client.deployRequests()).isNotNull();
      assertThat(client.databases()).isNotNull();
    }
  }
}
