package io.github.planetscaleci.core.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the client needs: base URL, credentials, timeouts, retries and user agent.
 *
 * <p>Immutable; {@code toString()} never shows a secret. HTTPS is required except for loopback
 * hosts (the emulator), and the base URL must not carry a user name or password (credentials go in
 * {@link Credentials}).
 */
public final class ClientSettings {
  /** PlanetScale's public API. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.planetscale.com/v1");

  private final URI baseUrl;
  private final Credentials credentials;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final RetryPolicy retryPolicy;
  private final String userAgentSuffix;

  private ClientSettings(Builder b) {
    this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl");
    this.credentials = Objects.requireNonNull(b.credentials, "credentials");
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.retryPolicy = b.retryPolicy;
    this.userAgentSuffix = b.userAgentSuffix;
  }

  /** Starts a builder with the given credentials and the defaults for everything else. */
  public static Builder builder(Credentials credentials) {
    return new Builder(credentials);
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public Credentials credentials() {
    return credentials;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Appended to the user agent, e.g. {@code github-action/1.0}; may be empty. */
  public String userAgentSuffix() {
    return userAgentSuffix;
  }

  @Override
  public String toString() {
    return "ClientSettings[baseUrl="
        + SafeUrls.display(baseUrl)
        + ", credentials="
        + credentials
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", retryPolicy="
        + retryPolicy
        + "]";
  }

  /** Builds {@link ClientSettings}; validation happens in {@link #build()}. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private Credentials credentials;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String userAgentSuffix = "";

    private Builder(Credentials credentials) {
      this.credentials = credentials;
    }

    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the base URL from text.
     *
     * @throws io.github.planetscaleci.core.error.ConfigurationException if it is not a valid base
     *     URL; a URL that may hold a secret (user info, query, fragment, malformed) is not shown
     */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(SettingsValidation.parse(baseUrl));
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix == null ? "" : suffix;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws io.github.planetscaleci.core.error.ConfigurationException for a non-HTTPS URL to a
     *     non-loopback host, or a missing value
     */
    public ClientSettings build() {
      SettingsValidation.validate(baseUrl, credentials);
      return new ClientSettings(this);
    }
  }
}
