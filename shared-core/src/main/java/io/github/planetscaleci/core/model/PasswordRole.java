package io.github.planetscaleci.core.model;

import java.util.Locale;

/** The role of a branch password, as the API spells it in lower case. */
public enum PasswordRole {
  READER,
  WRITER,
  READWRITER,
  ADMIN;

  /** The API's spelling, e.g. {@code "admin"}. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a role case-insensitively; the message lists the accepted values. */
  public static PasswordRole parse(String value) {
    for (PasswordRole role : values()) {
      if (role.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown password role '" + value + "': use one of reader, writer, readwriter, admin");
  }
}
