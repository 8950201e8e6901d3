package io.github.planetscaleci.emulator.mysql;

import java.security.SecureRandom;

/** Random identifiers and passwords. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";

  private Secrets() {}

  /** A 12-character lowercase alphanumeric id like the real API's. */
  public static String id() {
    return random(ID_ALPHABET, 12);
  }

  /** A 12-character id that starts with a letter, safe as a MySQL user name. */
  public static String userName() {
    return random("abcdefghijklmnopqrstuvwxyz", 1) + random(ID_ALPHABET, 11);
  }

  /** A strong password shaped like PlanetScale's ({@code pscale_pw_} and 43 random characters). */
  public static String randomPassword() {
    return "pscale_pw_" + random(PASSWORD_ALPHABET, 43);
  }

  private static String random(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
