package io.github.planetscaleci.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.client.RetryPolicy;
import io.github.planetscaleci.core.internal.json.JsonMapper;
import io.github.planetscaleci.core.model.DatabaseRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer with a client pointed at it, plus helpers to read fixtures and requests. */
final class MockApi implements AutoCloseable {
  // Canary secrets: recognisable, so a test can prove they never reach a message.
  static final String TOKEN_ID = "canaryid42";
  static final String TOKEN = "pscale_tkn_CANARYsecretTOKEN0000";
  static final DatabaseRef DB = new DatabaseRef("acme", "app");

  final MockWebServer server = new MockWebServer();
  final FakeTiming timing = new FakeTiming();
  final PlanetScaleClient client;

  MockApi() {
    this(new Credentials.ServiceToken(TOKEN_ID, TOKEN), RetryPolicy.defaults());
  }

  MockApi(Credentials credentials, RetryPolicy policy) {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ClientSettings settings =
        ClientSettings.builder(credentials)
            .baseUrl(server.url("/v1").toString())
            .retryPolicy(policy)
            .readTimeout(Duration.ofSeconds(5))
            .userAgentSuffix("test-suite/1.0")
            .build();
    client = HttpPlanetScaleClient.create(settings, timing);
  }

  static String fixture(String name) {
    try (InputStream in = MockApi.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse ok(String body) {
    return json(200, body);
  }

  void enqueue(MockResponse... responses) {
    for (MockResponse r : responses) {
      server.enqueue(r);
    }
  }

  RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(r).as("a request reached the server").isNotNull();
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode body(RecordedRequest r) {
    try {
      return JsonMapper.tree(r.getBody().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JsonMapper.tree(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
