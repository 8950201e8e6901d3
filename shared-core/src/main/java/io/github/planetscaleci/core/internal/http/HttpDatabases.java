package io.github.planetscaleci.core.internal.http;

import io.github.planetscaleci.core.client.DatabasesApi;
import io.github.planetscaleci.core.model.Database;
import io.github.planetscaleci.core.model.DatabaseRef;

/** {@link DatabasesApi} over HTTP. */
final class HttpDatabases implements DatabasesApi {
  private final Api api;

  HttpDatabases(Api api) {
    this.api = api;
  }

  @Override
  public Database get(DatabaseRef database) {
    return api.one(
        Api.get(api.url(database).build(), "getting database " + database, database, null),
        Database.class);
  }
}
