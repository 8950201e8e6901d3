package io.github.planetscaleci.emulator.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Checks the Authorization header the way the real API answers it. */
public final class Auth {
  /** Result of checking one header. */
  public enum Verdict {
    OK,
    MISSING,
    WRONG
  }

  private final List<byte[]> serviceTokens;
  private final List<byte[]> oauthTokens;

  /** {@code serviceTokens} are {@code id:secret} strings; {@code oauthTokens} bearer tokens. */
  public Auth(List<String> serviceTokens, List<String> oauthTokens) {
    this.serviceTokens = serviceTokens.stream().map(Auth::bytes).toList();
    this.oauthTokens = oauthTokens.stream().map(Auth::bytes).toList();
  }

  /** Missing gets 401, anything not matching a configured token gets 404 like the real API. */
  public Verdict check(String header) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    String value = header.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return anyEqual(oauthTokens, value.substring(7).trim()) ? Verdict.OK : Verdict.WRONG;
    }
    return anyEqual(serviceTokens, value) ? Verdict.OK : Verdict.WRONG;
  }

  private static boolean anyEqual(List<byte[]> known, String candidate) {
    byte[] c = bytes(candidate);
    boolean found = false;
    for (byte[] k : known) {
      // Constant-time comparison, so response timing reveals nothing about the secret.
      found |= MessageDigest.isEqual(k, c);
    }
    return found;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Auth["
        + serviceTokens.size()
        + " service tokens, "
        + oauthTokens.size()
        + " oauth tokens]";
  }
}
