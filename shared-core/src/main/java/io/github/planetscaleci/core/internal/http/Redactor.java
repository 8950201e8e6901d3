package io.github.planetscaleci.core.internal.http;

import io.github.planetscaleci.core.client.Credentials;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a message: the configured credentials, and anything
 * shaped like a PlanetScale token or password, since an error body can echo a request back.
 */
final class Redactor {
  static final String MASK = "***";

  // PlanetScale secrets carry a recognisable prefix (pscale_tkn_, pscale_pw_, pscale_oauth_ ...).
  private static final Pattern PSCALE_SECRET =
      Pattern.compile("pscale_[a-z]{2,10}_[A-Za-z0-9_\\-]+");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=\\-]+");

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor for the given credentials. */
  static Redactor of(Credentials credentials) {
    List<String> values = new ArrayList<>();
    values.add(credentials.authorizationHeader());
    if (credentials instanceof Credentials.ServiceToken t) {
      values.add(t.secret());
    } else if (credentials instanceof Credentials.OAuthToken t) {
      values.add(t.token());
    }
    // Longest first, so a secret inside the header value is not half-replaced.
    values.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(values));
  }

  /** The text with every secret replaced by {@value #MASK}; null stays null. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      if (secret.length() >= 4) {
        out = out.replace(secret, MASK);
      }
    }
    out = PSCALE_SECRET.matcher(out).replaceAll(MASK);
    return BEARER.matcher(out).replaceAll("$1" + MASK);
  }
}
