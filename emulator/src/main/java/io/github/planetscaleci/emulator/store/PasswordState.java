package io.github.planetscaleci.emulator.store;

import java.time.Instant;

/** One branch password, i.e. one MariaDB user; the plain text is never kept. */
public final class PasswordState {
  public final String id;
  public final String name;
  public final String role;
  public final String username;
  public final Instant createdAt;
  public final Integer ttlSeconds;
  public final Instant expiresAt;
  public boolean expired;

  public PasswordState(
      String id,
      String name,
      String role,
      String username,
      Instant createdAt,
      Integer ttlSeconds,
      Instant expiresAt) {
    this.id = id;
    this.name = name;
    this.role = role;
    this.username = username;
    this.createdAt = createdAt;
    this.ttlSeconds = ttlSeconds;
    this.expiresAt = expiresAt;
  }

  @Override
  public String toString() {
    return "PasswordState[id=" + id + ", username=" + username + ", role=" + role + "]";
  }
}
