package io.github.planetscaleci.core.internal.http;

import static io.github.planetscaleci.core.internal.http.MockApi.DB;
import static io.github.planetscaleci.core.internal.http.MockApi.fixture;
import static io.github.planetscaleci.core.internal.http.MockApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.CreateBranchRequest;
import io.github.planetscaleci.core.client.CreatePasswordRequest;
import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.RetryPolicy;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.model.BranchPassword;
import io.github.planetscaleci.core.model.PasswordRole;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens and passwords never reach a message, a toString() or another host. */
class SecretsTest {
  private static final String OAUTH = "oauthCANARY9f8e7d6c5b4a";
  private static final String PASSWORD = "pscale_pw_CANARYpassword1234";

  private static List<Credentials> credentials() {
    return List.of(
        new Credentials.ServiceToken(MockApi.TOKEN_ID, MockApi.TOKEN),
        new Credentials.OAuthToken(OAUTH));
  }

  private static void assertNoSecret(String text) {
    assertThat(text)
        .doesNotContain(MockApi.TOKEN)
        .doesNotContain("CANARYsecret")
        .doesNotContain(OAUTH)
        .doesNotContain(PASSWORD)
        .doesNotContain("CANARYpassword");
  }

  private static void assertNoSecretInChain(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertNoSecret(String.valueOf(c.getMessage()));
      assertNoSecret(c.toString());
    }
  }

  /** Echoes the request's Authorization header back, as a careless proxy might. */
  private static Dispatcher echo(int status, boolean asJson) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String auth = r.getHeaders().get("Authorization");
        String body =
            asJson
                ? "{\"code\":\"echo\",\"message\":\"bad header "
                    + auth
                    + " (password "
                    + PASSWORD
                    + ")\"}"
                : "<html>bad header " + auth + " token " + auth.replace("Bearer ", "") + "</html>";
        return new MockResponse.Builder().code(status).body(body).build();
      }
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 422, 429, 500, 502})
  void echoedCredentialsAreScrubbedFromEveryErrorMessage(int status) {
    for (Credentials c : credentials()) {
      for (boolean asJson : List.of(true, false)) {
        try (MockApi api = new MockApi(c, RetryPolicy.defaults())) {
          api.server.setDispatcher(echo(status, asJson));
          ApiException e =
              catchThrowableOfType(
                  ApiException.class,
                  () -> api.client.branches().create(DB, CreateBranchRequest.of("ci-pr-1")));
          assertThat(e).as("status %d", status).isNotNull();
          // A non-JSON 404 is reported as plain "Not Found" (the Go client's rule).
          assertThat(e.getMessage())
              .contains(status == 404 && !asJson ? "Not Found" : "bad header");
          assertNoSecretInChain(e);
        }
      }
    }
  }

  @Test
  void toStringsAreRedacted() {
    for (Credentials c : credentials()) {
      assertNoSecret(c.toString());
      ClientSettings s = ClientSettings.builder(c).build();
      assertNoSecret(s.toString());
      try (var client = HttpPlanetScaleClient.create(s)) {
        assertNoSecret(client.toString());
      }
    }
    BranchPassword p =
        new BranchPassword(
            "id", "ci", "admin", "user", PASSWORD, "host", 60, null, null, null, "db");
    assertNoSecret(p.toString());
  }

  @Test
  void createdPasswordIsReturnedButNeverInAMessage() {
    try (MockApi api = new MockApi()) {
      String created = fixture("password-go.json").replace("plain-text-password", PASSWORD);
      api.enqueue(json(201, created), json(200, "not json " + PASSWORD));
      BranchPassword p =
          api.client
              .passwords()
              .create(DB, "dev", new CreatePasswordRequest("ci-1", PasswordRole.ADMIN, null));
      assertThat(p.plainText()).isEqualTo(PASSWORD);
      assertNoSecret(p.toString());
      ApiException e =
          catchThrowableOfType(
              ApiException.class,
              () ->
                  api.client
                      .passwords()
                      .create(
                          DB, "dev", new CreatePasswordRequest("ci-2", PasswordRole.ADMIN, null)));
      assertNoSecretInChain(e);
    }
  }

  @Test
  void redirectToAnotherHostCarriesNoAuthorization() throws Exception {
    try (MockApi api = new MockApi();
        MockWebServer other = new MockWebServer()) {
      other.start();
      String elsewhere = "http://127.0.0.1:" + other.getPort() + "/elsewhere";
      assertThat(api.server.getHostName()).isNotEqualTo("127.0.0.1");
      api.enqueue(new MockResponse.Builder().code(302).setHeader("Location", elsewhere).build());
      other.enqueue(MockApi.ok(fixture("database-go.json")));

      assertThat(api.client.databases().get(DB).name()).isEqualTo("planetscale-go-test-db");
      assertThat(api.take().getHeaders().get("Authorization")).isNotNull();
      RecordedRequest followed = other.takeRequest();
      assertThat(followed.getTarget()).isEqualTo("/elsewhere");
      assertThat(followed.getHeaders().get("Authorization")).isNull();
      assertThat(followed.getHeaders().get("User-Agent")).startsWith("planetscale-ci/");
    }
  }

  @Test
  void redirectOnTheSameHostKeepsAuthorization() {
    try (MockApi api = new MockApi()) {
      api.enqueue(
          new MockResponse.Builder().code(301).setHeader("Location", "/v1/moved").build(),
          MockApi.ok(fixture("database-go.json")));
      api.client.databases().get(DB);
      List<String> auth = new ArrayList<>();
      auth.add(api.take().getHeaders().get("Authorization"));
      RecordedRequest second = api.take();
      auth.add(second.getHeaders().get("Authorization"));
      assertThat(second.getTarget()).isEqualTo("/v1/moved");
      assertThat(auth).containsOnly(MockApi.TOKEN_ID + ":" + MockApi.TOKEN);
    }
  }

  @Test
  void oauthTokensUseTheBearerScheme() {
    try (MockApi api = new MockApi(new Credentials.OAuthToken(OAUTH), RetryPolicy.none())) {
      api.enqueue(MockApi.ok(fixture("database-go.json")));
      api.client.databases().get(DB);
      assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Bearer " + OAUTH);
    }
  }
}
