package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stand-in for Jenkins core's {@code hudson.Util} (the static helpers the plugin may use). */
public class Util {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([a-zA-Z0-9_.]+)\\}|\\$([a-zA-Z_][a-zA-Z0-9_]*)");

  // Real Util has an (accidentally) public no-arg constructor; keep it.
  public Util() {}

  @NonNull
  public static String fixNull(@CheckForNull String s) {
    return s == null ? "" : s;
  }

  @NonNull
  public static <T> T fixNull(@CheckForNull T s, @NonNull T defaultValue) {
    return s != null ? s : defaultValue;
  }

  @CheckForNull
  public static String fixEmpty(@CheckForNull String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @CheckForNull
  public static String fixEmptyAndTrim(@CheckForNull String s) {
    return s == null ? null : fixEmpty(s.trim());
  }

  /** Percent-encodes everything except RFC 3986 unreserved characters, like the real method. */
  @NonNull
  public static String rawEncode(@NonNull String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
      if (unreserved && c < 0x80) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** HTML-escapes text the way core renders messages (newline becomes {@code <br>}). */
  @Nullable
  public static String escape(@CheckForNull String text) {
    if (text == null) {
      return null;
    }
    StringBuilder buf = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\n' -> buf.append("<br>");
        case '<' -> buf.append("&lt;");
        case '>' -> buf.append("&gt;");
        case '&' -> buf.append("&amp;");
        case '"' -> buf.append("&quot;");
        case '\'' -> buf.append("&#039;");
        case ' ' -> {
          boolean nextIsSpace = i + 1 < text.length() && text.charAt(i + 1) == ' ';
          buf.append(nextIsSpace ? "&nbsp;" : " ");
        }
        default -> buf.append(ch);
      }
    }
    return buf.toString();
  }

  /** Replaces {@code $VAR} and {@code ${VAR}} with values from the map; unknown ones stay. */
  @Nullable
  public static String replaceMacro(
      @CheckForNull String s, @NonNull Map<String, String> properties) {
    if (s == null) {
      return null;
    }
    Matcher m = VARIABLE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1) != null ? m.group(1) : m.group(2);
      String value = properties.get(key);
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** True if {@code derived} (or a class between it and {@code base}) overrides the method. */
  public static boolean isOverridden(
      @NonNull Class<?> base,
      @NonNull Class<?> derived,
      @NonNull String methodName,
      @NonNull Class<?>... types) {
    if (!base.isAssignableFrom(derived)) {
      throw new IllegalArgumentException(derived + " is not a subtype of " + base);
    }
    for (Class<?> c = derived; c != null && c != base; c = c.getSuperclass()) {
      try {
        Method m = c.getDeclaredMethod(methodName, types);
        if (!m.isBridge() && !java.lang.reflect.Modifier.isAbstract(m.getModifiers())) {
          return true;
        }
      } catch (NoSuchMethodException e) {
        // keep walking up
      }
    }
    return false;
  }
}
