package io.github.planetscaleci.core.model;

import java.time.Instant;

/**
 * A branch password (MySQL credentials); {@link #plainText()} is only set in the create response.
 *
 * <p>{@code databaseName} is not in PlanetScale's API (where the database name is the schema to
 * use); the emulator sends it because its branches are separate schemas on one server.
 */
public record BranchPassword(
    String id,
    String name,
    String role,
    String username,
    String plainText,
    String accessHostUrl,
    Integer ttlSeconds,
    Instant expiresAt,
    Instant createdAt,
    PasswordBranch databaseBranch,
    String databaseName) {

  @Override
  public String toString() {
    return "BranchPassword[id="
        + id
        + ", name="
        + name
        + ", role="
        + role
        + ", username="
        + username
        + ", plainText="
        + (plainText == null ? "null" : "***")
        + ", accessHostUrl="
        + accessHostUrl
        + ", branch="
        + (databaseBranch == null ? "null" : databaseBranch.name())
        + "]";
  }
}
