package io.github.planetscaleci.core.internal.http;

import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.PlanetScaleClient;

/** The OkHttp implementation of {@link PlanetScaleClient}. */
public final class HttpPlanetScaleClient {
  private HttpPlanetScaleClient() {}

  /** Creates the client. */
  public static PlanetScaleClient create(ClientSettings settings) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
