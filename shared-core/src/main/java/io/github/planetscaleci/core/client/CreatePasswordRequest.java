package io.github.planetscaleci.core.client;

import io.github.planetscaleci.core.model.PasswordRole;
import java.time.Duration;
import java.util.Objects;

/**
 * The body of a password create.
 *
 * @param name a name unique on the branch; used to find a password whose create response was lost
 * @param ttl null for no expiry; at least one second; sent in whole seconds
 */
public record CreatePasswordRequest(String name, PasswordRole role, Duration ttl) {
  public CreatePasswordRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    if (ttl != null && (ttl.isNegative() || ttl.toSeconds() < 1)) {
      throw new IllegalArgumentException(
          "password ttl must be at least 1 second (or unset for no expiry), got " + ttl);
    }
  }
}
