package io.github.planetscaleci.emulator.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives MariaDB schema names (at most 64 characters, [a-z0-9_]) from org, database, branch. */
public final class SchemaNames {
  private static final int MAX = 64;
  private final String instanceTag;

  /** The instance tag keeps two emulators sharing one external server apart. */
  public SchemaNames(String instanceTag) {
    this.instanceTag = instanceTag;
  }

  /** Readable prefix plus a hash of the exact names, so distinct triples never collide. */
  public String schemaFor(String org, String database, String branch) {
    String hash = sha256(org + "\u0000" + database + "\u0000" + branch).substring(0, 10);
    String readable = sanitize(database) + "_" + sanitize(branch);
    String prefix = "ps_" + instanceTag + "_";
    int room = MAX - prefix.length() - hash.length() - 1;
    if (readable.length() > room) {
      readable = readable.substring(0, room);
    }
    return prefix + readable + "_" + hash;
  }

  /** Prefix every schema of this instance starts with (used to clean up an external server). */
  public String instancePrefix() {
    return "ps_" + instanceTag + "_";
  }

  private static String sanitize(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  private static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
