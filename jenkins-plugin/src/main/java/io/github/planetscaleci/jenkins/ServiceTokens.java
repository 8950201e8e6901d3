package io.github.planetscaleci.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.UsernamePasswordCredentials;
import hudson.AbortException;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Reads a PlanetScale service token from the two credential kinds users create: username with
 * password (username = token id) or secret text {@code <id>:<token>}. Messages never hold a secret.
 */
final class ServiceTokens {
  private ServiceTokens() {}

  static ServiceToken from(StandardCredentials c, String credentialsId) throws AbortException {
    if (c instanceof UsernamePasswordCredentials up) {
      String id = up.getUsername().trim();
      String token = up.getPassword().getPlainText().trim();
      if (id.isEmpty() || token.isEmpty()) {
        throw bad(credentialsId, "its username (the service token id) or password is empty");
      }
      return new ServiceToken(id, token);
    }
    if (c instanceof StringCredentials s) {
      String text = s.getSecret().getPlainText().trim();
      int colon = text.indexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw bad(credentialsId, "a secret text must read <service token id>:<service token>");
      }
      return new ServiceToken(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }
    throw bad(credentialsId, "it is a " + kind(c) + "; use Username with password or Secret text");
  }

  static String secretOf(StandardCredentials c, String credentialsId) throws AbortException {
    String secret;
    if (c instanceof StringCredentials s) {
      secret = s.getSecret().getPlainText();
    } else if (c instanceof UsernamePasswordCredentials up) {
      secret = up.getPassword().getPlainText();
    } else {
      throw bad(credentialsId, "it is a " + kind(c) + "; use Secret text holding the token");
    }
    if (secret.isBlank()) {
      throw bad(credentialsId, "its secret is empty");
    }
    return secret.trim();
  }

  private static String kind(StandardCredentials c) {
    return c.getClass().getSimpleName();
  }

  private static AbortException bad(String credentialsId, String why) {
    return new AbortException(
        Failures.prefix("configuration")
            + "credentials '"
            + credentialsId
            + "' cannot be used: "
            + why);
  }
}
