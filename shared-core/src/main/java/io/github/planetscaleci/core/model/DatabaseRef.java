package io.github.planetscaleci.core.model;

import java.util.Objects;

/** Names one PlanetScale database within an organization; every API call is scoped by one. */
public record DatabaseRef(String organization, String database) {
  public DatabaseRef {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(database, "database");
    if (organization.isBlank() || database.isBlank()) {
      throw new IllegalArgumentException("organization and database must not be blank");
    }
  }

  @Override
  public String toString() {
    return organization + "/" + database;
  }
}
