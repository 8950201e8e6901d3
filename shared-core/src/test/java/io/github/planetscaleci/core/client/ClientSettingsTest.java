package io.github.planetscaleci.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Settings validation, auth header shapes and redacted toString(). */
class ClientSettingsTest {
  private static final String SECRET = "pscale_tkn_CANARYsettings0001";
  private final Credentials token = new Credentials.ServiceToken("tokenid", SECRET);

  private static String full(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

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
  void aUserNameOrPasswordInTheApiUrlIsRefusedWithoutBeingShown() {
    String canary = "CANARYpw0042";
    for (String url :
        new String[] {
          "https://ci:" + canary + "@api.planetscale.com/v1",
          "https://" + canary + "@api.planetscale.com/v1",
          "http://ci:" + canary + "@127.0.0.1:8080/v1",
          "https://ci:" + canary + " x@api.planetscale.com/v1",
          "http://ci:" + canary + "@psapi.example.com/v1",
          // a password of digits then '/' parses as host "ci", a port and a path
          "https://ci:2024/" + canary + "@api.planetscale.com/v1"
        }) {
      Throwable fromText = catchThrowable(() -> ClientSettings.builder(token).baseUrl(url).build());
      assertThat(fromText)
          .as(url)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("remove the user:password@ part")
          .hasMessageContaining("service token");
      assertThat(full(fromText)).as(url).doesNotContain(canary);
    }
    Throwable fromUri =
        catchThrowable(
            () ->
                ClientSettings.builder(token)
                    .baseUrl(URI.create("https://ci:" + canary + "@api.planetscale.com/v1"))
                    .build());
    assertThat(fromUri).isInstanceOf(ConfigurationException.class);
    assertThat(full(fromUri)).doesNotContain(canary);
  }

  @Test
  void aPasswordThatCutsTheAuthorityShortIsRefusedAsAQueryOrFragment() {
    // https://ci:2024#pw@host parses as host "ci", port 2024 and a fragment "pw@host"
    String canary = "CANARYpw0042";
    for (String url :
        new String[] {
          "https://ci:" + canary + "#x@api.planetscale.com/v1",
          "https://ci:2024#" + canary + "@api.planetscale.com/v1",
          "https://ci:2024?" + canary + "@api.planetscale.com/v1"
        }) {
      Throwable e = catchThrowable(() -> ClientSettings.builder(token).baseUrl(url).build());
      assertThat(e)
          .as(url)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("must not have a query (?...) or fragment (#...)");
      assertThat(full(e)).as(url).doesNotContain(canary);
    }
  }

  @Test
  void aTokenInTheQueryOrPastedAsTheUrlIsRefusedWithoutBeingShown() {
    String canary = "CANARYtok77";
    Throwable query =
        catchThrowable(
            () ->
                ClientSettings.builder(token)
                    .baseUrl("https://api.planetscale.com/v1?token=" + canary)
                    .build());
    assertThat(query).hasMessageContaining("must not have a query");
    assertThat(full(query)).doesNotContain(canary);
    Throwable pasted =
        catchThrowable(() -> ClientSettings.builder(token).baseUrl("pscale_tkn_" + canary).build());
    assertThat(pasted).hasMessageContaining("is not an absolute URL with a scheme and host");
    assertThat(full(pasted)).doesNotContain(canary);
  }

  @Test
  void urlsInMessagesAndToStringShowOnlySchemeHostPortAndPath() {
    ClientSettings s = ClientSettings.builder(token).baseUrl("https://h.example:8443/v1").build();
    assertThat(s.toString()).contains("baseUrl=https://h.example:8443/v1");
    assertThatThrownBy(() -> ClientSettings.builder(token).baseUrl("http://h.example/v1").build())
        .hasMessage(
            "the API URL 'http://h.example/v1' must use https (plain http is allowed only for"
                + " localhost, for the emulator)");
  }

  @Test
  void aMalformedApiUrlIsAConfigurationErrorThatDoesNotShowIt() {
    Throwable e =
        catchThrowable(() -> ClientSettings.builder(token).baseUrl("https://api planetscale/v1"));
    assertThat(e)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("is not a valid URL (illegal character in authority at character")
        .hasMessageContaining("such as https://api.planetscale.com/v1")
        .hasNoCause();
    assertThat(e.getMessage()).doesNotContain("api planetscale");
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
