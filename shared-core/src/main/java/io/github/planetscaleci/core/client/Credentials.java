package io.github.planetscaleci.core.client;

import java.util.Objects;

/** How the client authenticates; {@code toString()} never shows the secret. */
public sealed interface Credentials permits Credentials.ServiceToken, Credentials.OAuthToken {

  /** The value of the {@code Authorization} header. */
  String authorizationHeader();

  /** A service token: header {@code <id>:<secret>}, no scheme word. */
  record ServiceToken(String id, String secret) implements Credentials {
    public ServiceToken {
      Objects.requireNonNull(id, "service token id");
      Objects.requireNonNull(secret, "service token");
      if (id.isBlank() || secret.isBlank()) {
        throw new IllegalArgumentException("service token id and service token must not be blank");
      }
    }

    @Override
    public String authorizationHeader() {
      return id + ":" + secret;
    }

    @Override
    public String toString() {
      return "ServiceToken[id=" + id + ", secret=***]";
    }
  }

  /** An OAuth access token: header {@code Bearer <token>}. */
  record OAuthToken(String token) implements Credentials {
    public OAuthToken {
      Objects.requireNonNull(token, "oauth token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("oauth token must not be blank");
      }
    }

    @Override
    public String authorizationHeader() {
      return "Bearer " + token;
    }

    @Override
    public String toString() {
      return "OAuthToken[***]";
    }
  }
}
