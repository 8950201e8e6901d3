package io.github.planetscaleci.jenkins;

import io.github.planetscaleci.core.error.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Parses a URL a user typed without ever echoing a part that may hold a secret: a malformed URL,
 * one that is not absolute (e.g. a token pasted into the wrong field) and one with a query or
 * fragment are refused with a message that does not show it; user info is refused by the caller's
 * rule. What a later check may still show is scheme, host, port and path only.
 */
final class SafeUrls {
  private SafeUrls() {}

  /**
   * @param what the URL in a message, e.g. "the API URL"
   * @param example a valid value to suggest
   * @param refuseUserInfo given the text (without query and fragment when it parsed), throws if it
   *     holds a user name or password, with a message that does not show it; returns otherwise
   */
  static URI parse(String text, String what, URI example, Consumer<String> refuseUserInfo) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      if (text.contains("@")) {
        refuseUserInfo.accept(text);
      }
      // Neither e.getMessage() nor e as the cause: both quote the input.
      throw new ConfigurationException(
          what
              + " is not a valid URL ("
              + e.getReason().toLowerCase(Locale.ROOT)
              + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
              + "; the URL is not shown here as it may hold a secret): give the base URL, such as "
              + example);
    }
    if (text.contains("@")) {
      refuseUserInfo.accept(withoutQueryAndFragment(text));
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigurationException(
          what
              + " must not have a query (?...) or fragment (#...) (it is not shown here as it may"
              + " hold a secret): give the base URL, such as "
              + example
              + ", and the token through the credentials");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new ConfigurationException(
          what
              + " is not an absolute URL with a scheme and host (it is not shown here as it may"
              + " hold a secret): give the base URL, such as "
              + example);
    }
    return uri;
  }

  /**
   * True if the text's authority holds an {@code @}: a user name or password (a password with a
   * '/', '?' or '#' cuts the authority short, so without a host any {@code @} counts).
   */
  static boolean hasUserInfo(String text) {
    try {
      URI uri = new URI(text);
      return uri.getRawUserInfo() != null
          || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))
          || (uri.getHost() == null && text.contains("@"));
    } catch (URISyntaxException e) {
      return text.contains("@");
    }
  }

  private static String withoutQueryAndFragment(String text) {
    int end = text.length();
    for (char c : new char[] {'?', '#'}) {
      int i = text.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return text.substring(0, end);
  }
}
