package io.github.planetscaleci.core.client;

/**
 * The PlanetScale API client: one object per resource family over one shared HTTP client.
 *
 * <p>Thread-safe. Close it to release the connection pool.
 */
public interface PlanetScaleClient extends AutoCloseable {

  /** Creates a client; no request is made until a method is called. */
  static PlanetScaleClient create(ClientSettings settings) {
    return io.github.planetscaleci.core.internal.http.HttpPlanetScaleClient.create(settings);
  }

  ClientSettings settings();

  DatabasesApi databases();

  BranchesApi branches();

  PasswordsApi passwords();

  DeployRequestsApi deployRequests();

  @Override
  void close();
}
