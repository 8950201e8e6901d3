package io.github.planetscaleci.core.internal.http;

import io.github.planetscaleci.core.client.BranchesApi;
import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.DatabasesApi;
import io.github.planetscaleci.core.client.DeployRequestsApi;
import io.github.planetscaleci.core.client.PasswordsApi;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import java.util.List;
import java.util.Objects;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The OkHttp implementation of {@link PlanetScaleClient}. */
public final class HttpPlanetScaleClient implements PlanetScaleClient {
  private final ClientSettings settings;
  private final OkHttpClient http;
  private final DatabasesApi databases;
  private final BranchesApi branches;
  private final PasswordsApi passwords;
  private final DeployRequestsApi deployRequests;

  private HttpPlanetScaleClient(ClientSettings settings, Timing timing) {
    this.settings = settings;
    HttpUrl base = HttpUrl.get(settings.baseUrl().toString());
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    if (!base.isHttps()) {
      // Plain http is only accepted for loopback (the emulator). Without a TLS connection spec
      // OkHttp skips loading the platform's trust store and TLS stack: about 0.2 s of a CLI run.
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    this.http =
        builder
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            // Every retry decision is ours: OkHttp's silent retry could repeat a create.
            .retryOnConnectionFailure(false)
            .followRedirects(true)
            .followSslRedirects(false) // never downgrade https to http
            .addNetworkInterceptor(
                new SameOriginAuth(base, settings.credentials().authorizationHeader()))
            .build();
    Transport transport =
        new Transport(
            http,
            settings.retryPolicy(),
            timing,
            Redactor.of(settings.credentials()),
            UserAgent.of(settings.userAgentSuffix()));
    Api api = new Api(base, transport);
    this.databases = new HttpDatabases(api);
    this.branches = new HttpBranches(api);
    this.passwords = new HttpPasswords(api);
    this.deployRequests = new HttpDeployRequests(api);
  }

  /** Creates the client. */
  public static PlanetScaleClient create(ClientSettings settings) {
    return create(settings, Timing.SYSTEM);
  }

  /** Creates the client with the given clock and sleeper (tests). */
  public static PlanetScaleClient create(ClientSettings settings, Timing timing) {
    return new HttpPlanetScaleClient(
        Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(timing, "timing"));
  }

  @Override
  public ClientSettings settings() {
    return settings;
  }

  @Override
  public DatabasesApi databases() {
    return databases;
  }

  @Override
  public BranchesApi branches() {
    return branches;
  }

  @Override
  public PasswordsApi passwords() {
    return passwords;
  }

  @Override
  public DeployRequestsApi deployRequests() {
    return deployRequests;
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "PlanetScaleClient[" + settings + "]";
  }
}
