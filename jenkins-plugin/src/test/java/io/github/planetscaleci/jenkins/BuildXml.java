package io.github.planetscaleci.jenkins;

import hudson.util.Secret;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What Jenkins' XStream would write into build.xml for an object: every non-static, non-transient
 * field, recursively, read reflectively as XStream's reflection provider does, and a {@link Secret}
 * as its encrypted value (XStream's {@code Secret.ConverterImpl}).
 */
final class BuildXml {
  private BuildXml() {}

  static String of(Object root) {
    StringBuilder out = new StringBuilder();
    write(root, out, new IdentityHashMap<>());
    return out.toString();
  }

  private static void write(Object o, StringBuilder out, Map<Object, Boolean> seen) {
    if (o == null) {
      out.append("<null/>");
      return;
    }
    Class<?> type = o.getClass();
    if (o instanceof Secret s) {
      out.append(s.getEncryptedValue());
    } else if (o instanceof CharSequence
        || o instanceof Number
        || o instanceof Boolean
        || o instanceof Character
        || o instanceof Enum<?>) {
      out.append(o);
    } else if (seen.put(o, Boolean.TRUE) != null) {
      out.append("<reference/>");
    } else if (type.isArray()) {
      for (int i = 0; i < Array.getLength(o); i++) {
        write(Array.get(o, i), out.append(' '), seen);
      }
    } else if (o instanceof Collection<?> c) {
      for (Object e : c) {
        write(e, out.append("<entry>"), seen);
      }
    } else if (o instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        write(e.getKey(), out.append("<key>"), seen);
        write(e.getValue(), out.append("<value>"), seen);
      }
    } else {
      out.append('<').append(type.getName()).append('>');
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          int mod = f.getModifiers();
          if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
            continue;
          }
          f.setAccessible(true);
          out.append('<').append(f.getName()).append('>');
          try {
            write(f.get(o), out, seen);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }
}
