package io.github.planetscaleci.core.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Builds names of the form {@code ci-<kind>-<slug>[-<hash>]-<suffix>} within the length bound. */
final class NameComposer {
  static final int HASH_LENGTH = 8;

  private NameComposer() {}

  /**
   * Composes a generated name. The hash of {@code identity} is added whenever the slug is not an
   * exact spelling of {@code text} or had to be shortened, which keeps distinct inputs distinct.
   */
  static String compose(String kind, String text, String suffix, String identity) {
    return compose(kind, text, true, suffix, identity);
  }

  /**
   * As {@link #compose(String, String, String, String)}; {@code exactAllowed} false forces the hash
   * when {@code text} is a shortened form of the facts (e.g. a ref without {@code refs/heads/}).
   */
  static String compose(
      String kind, String text, boolean exactAllowed, String suffix, String identity) {
    String slug = slug(text);
    String head = BranchNames.PREFIX + kind + "-";
    String exact = head + slug + "-" + suffix;
    if (exactAllowed && slug.equals(text) && exact.length() <= BranchNames.MAX_LENGTH) {
      return exact;
    }
    String tail = "-" + hash(identity) + "-" + suffix;
    int room = BranchNames.MAX_LENGTH - head.length() - tail.length();
    if (room < 1) {
      // Only absurdly large numbers get here: keep the hash, which alone tells builds apart.
      String compact = head + hash(identity) + "-" + suffix;
      return compact.length() <= BranchNames.MAX_LENGTH ? compact : head + hash(identity);
    }
    String cut = trimHyphens(slug.substring(0, Math.min(room, slug.length())));
    return cut.isEmpty() ? head + hash(identity) + "-" + suffix : head + cut + tail;
  }

  /** A valid name for arbitrary text, with a hash when anything was lost. */
  static String sanitizeWithHash(String raw, int maxLength) {
    String slug = slug(raw);
    if (slug.equals(raw) && slug.length() <= maxLength) {
      return slug;
    }
    String h = hash(raw);
    int room = maxLength - h.length() - 1;
    String cut = trimHyphens(slug.substring(0, Math.min(room, slug.length())));
    return cut.isEmpty() ? "b-" + h : cut + "-" + h;
  }

  /** Lower case, every run of other characters becomes one hyphen, no hyphen at either end. */
  static String slug(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean hyphen = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        hyphen = false;
      } else if (!hyphen && out.length() > 0) {
        out.append('-');
        hyphen = true;
      }
    }
    return trimHyphens(out.toString());
  }

  static String hash(String identity) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static String trimHyphens(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
