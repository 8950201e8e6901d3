package io.github.planetscaleci.core.internal.http;

import static io.github.planetscaleci.core.internal.http.MockApi.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.planetscaleci.core.client.CreateBranchRequest;
import io.github.planetscaleci.core.client.RetryPolicy;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import java.net.ServerSocket;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error responses and failures become ApiExceptions with stable codes and helpful messages. */
class ErrorsTest {
  private final MockApi api =
      new MockApi(
          new io.github.planetscaleci.core.client.Credentials.ServiceToken(
              MockApi.TOKEN_ID, MockApi.TOKEN),
          RetryPolicy.none());

  @AfterEach
  void close() {
    api.close();
  }

  private ApiException getBranchFails(MockResponse response) {
    api.enqueue(response);
    return catchThrowableOfType(
        ApiException.class, () -> api.client.branches().get(DB, "ci-pr-12"));
  }

  @ParameterizedTest
  @CsvSource({
    "400, bad_request, INVALID_INPUT",
    "401, unauthorized, UNAUTHORIZED",
    "403, forbidden, UNAUTHORIZED",
    "404, not_found, NOT_FOUND",
    "409, conflict, CONFLICT",
    "422, invalid_params, INVALID_INPUT",
    "422, schema_mutation_blocked, CONFLICT",
    "429, rate_limited, RATE_LIMITED",
    "500, internal, SERVER_ERROR",
    "502, bad_gateway, SERVER_ERROR",
    "503, unavailable, SERVER_ERROR",
    "504, gateway_timeout, SERVER_ERROR",
  })
  void statusAndApiCodeMapToStableCodes(int status, String apiCode, ErrorCode expected) {
    ApiException e =
        getBranchFails(
            MockApi.json(status, "{\"code\":\"" + apiCode + "\",\"message\":\"Told you so.\"}"));
    assertThat(e.code()).isEqualTo(expected);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.apiCode()).isEqualTo(apiCode);
    assertThat(e.getMessage())
        .startsWith("getting branch ci-pr-12 of acme/app failed: HTTP " + status)
        .contains("Told you so.");
  }

  @Test
  void notFoundNamesOrganizationDatabaseBranchAndTheAccessHint() {
    ApiException e =
        getBranchFails(MockApi.json(404, "{\"code\":\"not_found\",\"message\":\"Not Found\"}"));
    assertThat(e.getMessage())
        .contains("organization 'acme'", "database 'app'", "branch 'ci-pr-12'")
        .contains("token lacks access");
  }

  @Test
  void nonJsonBodies() {
    ApiException notFound =
        getBranchFails(
            new MockResponse.Builder().code(404).body("<html><h1>404</h1></html>").build());
    assertThat(notFound.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(notFound.getMessage()).contains("HTTP 404: Not Found.");

    ApiException gateway =
        getBranchFails(
            new MockResponse.Builder()
                .code(502)
                .body(
                    "<html><body>\n<h1>502 Bad Gateway</h1>\n" + "x".repeat(500) + "</body></html>")
                .build());
    assertThat(gateway.code()).isEqualTo(ErrorCode.SERVER_ERROR);
    assertThat(gateway.apiCode()).isNull();
    assertThat(gateway.getMessage())
        .contains("HTTP 502: 502 Bad Gateway x")
        .contains("...")
        .doesNotContain("<h1>")
        .doesNotContain("\n")
        .hasSizeLessThan(600);
  }

  @Test
  void oauthErrorShape() {
    ApiException e =
        getBranchFails(
            MockApi.json(
                401,
                "{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid\",\"state\":\"unauthorized\"}"));
    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(e.apiCode()).isEqualTo("invalid_token");
    assertThat(e.getMessage()).contains("The access token is invalid").contains("service token");
  }

  @Test
  void alreadyTakenNameIsAConflict() {
    api.enqueue(
        MockApi.json(
            422, "{\"code\":\"unprocessable\",\"message\":\"Name has already been taken\"}"));
    ApiException e =
        catchThrowableOfType(
            ApiException.class,
            () -> api.client.branches().create(DB, CreateBranchRequest.of("ci-pr-12")));
    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(e.getMessage()).startsWith("creating branch ci-pr-12 of acme/app failed: HTTP 422");
  }

  @Test
  void malformedSuccessBodyIsAServerErrorThatDoesNotQuoteTheBody() {
    ApiException e = getBranchFails(MockApi.ok("not json at all, secret-ish"));
    assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR);
    assertThat(e.getMessage()).doesNotContain("secret-ish").contains("not a valid Branch");
  }

  @Test
  void connectionRefusedIsATransportError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (var client =
        HttpPlanetScaleClient.create(
            io.github.planetscaleci.core.client.ClientSettings.builder(
                    new io.github.planetscaleci.core.client.Credentials.OAuthToken(
                        "tok-canary-1234"))
                .baseUrl("http://127.0.0.1:" + port + "/v1")
                .retryPolicy(RetryPolicy.none())
                .build(),
            new FakeTiming())) {
      ApiException e = catchThrowableOfType(ApiException.class, () -> client.databases().get(DB));
      assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_ERROR);
      assertThat(e.httpStatus()).isZero();
      assertThat(e.getMessage())
          .startsWith("getting database acme/app failed: ")
          .contains("127.0.0.1");
    }
  }

  @Test
  void readTimeoutIsATimeout() {
    try (MockApi slow =
        new MockApi(
            new io.github.planetscaleci.core.client.Credentials.OAuthToken("tok-canary-1234"),
            RetryPolicy.none())) {
      slow.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
      var settings =
          io.github.planetscaleci.core.client.ClientSettings.builder(
                  new io.github.planetscaleci.core.client.Credentials.OAuthToken("tok-canary-1234"))
              .baseUrl(slow.server.url("/v1").toString())
              .retryPolicy(RetryPolicy.none())
              .readTimeout(Duration.ofMillis(200))
              .build();
      try (var client = HttpPlanetScaleClient.create(settings, new FakeTiming())) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> client.databases().get(DB));
        assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
      }
    }
  }
}
