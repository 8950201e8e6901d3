package io.github.planetscaleci.core.report;

import java.util.regex.Pattern;

/** Escaping for untrusted text placed in GitHub-flavoured Markdown and HTML blocks. */
final class Md {
  /** Longest untrusted identifier (table, branch, column) shown in full. */
  static final int NAME_MAX = 128;

  /** Longest untrusted sentence (API message, lint description) shown in full. */
  static final int TEXT_MAX = 500;

  /** Longest DDL statement shown in a list. */
  static final int DDL_MAX = 300;

  private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>\"'`\\\\]+");
  private static final String PUNCTUATION = "\\`*_{}[]()#+-.!|~<>&\"'=:$%^";

  private Md() {}

  /**
   * Removes what can hide or reorder text: control characters become spaces, bidirectional
   * overrides and zero-width characters are dropped; then shortens to {@code max} characters.
   */
  static String clean(String s, int max) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        b.append(' ');
      } else if (!isInvisible(c)) {
        b.append(c);
      }
    }
    String out = b.toString().strip();
    if (out.length() > max) {
      int end = Character.isHighSurrogate(out.charAt(max - 1)) ? max - 1 : max;
      out = out.substring(0, end) + "…";
    }
    return out;
  }

  /** Like {@link #clean} but keeps line breaks and tabs: for multi-line content in code blocks. */
  static String cleanBlock(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\t') {
        b.append(c);
      } else if (c == '\r') {
        continue;
      } else if (Character.isISOControl(c)) {
        b.append(' ');
      } else if (!isInvisible(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static boolean isInvisible(char c) {
    return (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || (c >= '\u200B' && c <= '\u200F')
        || c == '\u2060'
        || c == '\uFEFF';
  }

  /**
   * Prose: every ASCII punctuation character is backslash-escaped (CommonMark allows it), so no
   * link, emphasis, HTML or table syntax survives; {@code @} is followed by a zero-width joiner so
   * a name never mentions a user or team.
   */
  static String text(String s, int max) {
    String c = clean(s, max);
    StringBuilder b = new StringBuilder(c.length() + 16);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (PUNCTUATION.indexOf(ch) >= 0) {
        b.append('\\').append(ch);
      } else if (ch == '@') {
        b.append("@\u200D");
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /**
   * An inline code span: literal text (no HTML, links or mentions), fenced with more backticks than
   * any run inside. Pipes are escaped because GFM splits table cells on them even in code.
   */
  static String code(String s) {
    return code(s, NAME_MAX);
  }

  /** {@link #code(String)} with a custom length limit. */
  static String code(String s, int max) {
    String c = clean(s, max).replace("|", "\\|");
    if (c.isEmpty()) {
      return "` `";
    }
    String fence = "`".repeat(longestRun(c, '`') + 1);
    String pad = c.startsWith("`") || c.endsWith("`") ? " " : "";
    return fence + pad + c + pad + fence;
  }

  /** HTML text content (inside {@code <summary>}, where Markdown is not processed). */
  static String html(String s, int max) {
    String c = clean(s, max);
    StringBuilder b = new StringBuilder(c.length() + 16);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '@' -> b.append("@\u200D");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /** The opening and closing fence for a code block holding {@code content}. */
  static String fenceFor(String content) {
    return "`".repeat(Math.max(3, longestRun(content, '`') + 1));
  }

  /** A Markdown link when {@code url} is a plain http(s) URL; otherwise the label alone. */
  static String link(String label, String url) {
    if (url == null || !SAFE_URL.matcher(url).matches() || url.length() > 2000) {
      return label;
    }
    return "[" + label + "](" + url.replace("(", "%28").replace(")", "%29") + ")";
  }

  /** True when {@code url} would be rendered as a link. */
  static boolean isSafeUrl(String url) {
    return url != null && url.length() <= 2000 && SAFE_URL.matcher(url).matches();
  }

  private static int longestRun(String s, char c) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }
}
