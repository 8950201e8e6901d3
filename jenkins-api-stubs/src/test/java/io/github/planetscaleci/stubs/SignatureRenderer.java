package io.github.planetscaleci.stubs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the binary-relevant API of a class (kind, modifiers, generics, supertypes, annotations,
 * public/protected members with throws clauses) as stable text lines.
 */
final class SignatureRenderer {
  private SignatureRenderer() {}

  /** Every public or protected class compiled into the stubs' main output, by binary name. */
  static List<String> allStubTypes() {
    try {
      Path root =
          Path.of(
              hudson.Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> files = Files.walk(root)) {
        return files
            .filter(p -> p.toString().endsWith(".class"))
            .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
            .filter(n -> !n.endsWith("package-info"))
            .filter(SignatureRenderer::isApi)
            .sorted()
            .collect(Collectors.toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isApi(String name) {
    try {
      Class<?> c = Class.forName(name, false, SignatureRenderer.class.getClassLoader());
      for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
        if (k.isAnonymousClass()
            || k.isLocalClass()
            || (k.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) == 0) {
          return false;
        }
      }
      return true;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> render(Class<?> c) {
    List<String> out = new ArrayList<>();
    out.add("type " + c.getName());
    out.add("  kind: " + kind(c) + typeParams(c.getTypeParameters()));
    Type sup = c.getGenericSuperclass();
    if (sup != null && sup != Object.class && !c.isEnum()) {
      out.add("  extends: " + sup.getTypeName());
    }
    for (Type t : c.getGenericInterfaces()) {
      if (!c.isAnnotation()) {
        out.add("  implements: " + t.getTypeName());
      }
    }
    for (Annotation a : sorted(c.getDeclaredAnnotations())) {
      out.add("  annotated: " + a);
    }
    List<String> members = new ArrayList<>();
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (visible(k.getModifiers()) && !k.isSynthetic()) {
        members.add("  ctor: " + executable(k, null));
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        String dflt = m.getDefaultValue() == null ? "" : " default " + m.getDefaultValue();
        if (m.getDefaultValue() instanceof Object[] arr) {
          dflt = " default " + Arrays.toString(arr);
        }
        members.add("  method: " + executable(m, m) + dflt);
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic() && !f.isEnumConstant()) {
        members.add(
            "  field: "
                + Modifier.toString(f.getModifiers())
                + " "
                + f.getGenericType().getTypeName()
                + " "
                + f.getName());
      }
    }
    if (c.isEnum()) {
      members.add(
          "  constants: "
              + Arrays.stream(c.getEnumConstants())
                  .map(String::valueOf)
                  .collect(Collectors.joining(", ")));
    }
    members.sort(null);
    out.addAll(members);
    return out;
  }

  private static boolean visible(int mods) {
    return (mods & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
  }

  private static String kind(Class<?> c) {
    int mods = c.getModifiers();
    if (c.isAnnotation()) {
      return vis(mods) + "@interface";
    }
    if (c.isInterface()) {
      return vis(mods)
          + (Modifier.isStatic(mods) && c.isMemberClass() ? "static " : "")
          + "interface";
    }
    if (c.isEnum()) {
      return vis(mods) + "enum";
    }
    StringBuilder s = new StringBuilder(vis(mods));
    if (Modifier.isAbstract(mods)) {
      s.append("abstract ");
    }
    if (Modifier.isStatic(mods)) {
      s.append("static ");
    }
    if (Modifier.isFinal(mods)) {
      s.append("final ");
    }
    return s.append("class").toString();
  }

  private static String vis(int mods) {
    return Modifier.isPublic(mods) ? "public " : Modifier.isProtected(mods) ? "protected " : "";
  }

  private static String typeParams(TypeVariable<?>[] vars) {
    if (vars.length == 0) {
      return "";
    }
    return Arrays.stream(vars)
        .map(
            v ->
                v.getName()
                    + (v.getBounds().length == 1 && v.getBounds()[0] == Object.class
                        ? ""
                        : " extends "
                            + Arrays.stream(v.getBounds())
                                .map(Type::getTypeName)
                                .collect(Collectors.joining(" & "))))
        .collect(Collectors.joining(", ", "<", ">"));
  }

  private static String executable(Executable e, Method m) {
    StringBuilder s = new StringBuilder();
    int mods =
        e.getModifiers()
            & (m != null ? Modifier.methodModifiers() : Modifier.constructorModifiers());
    if (m != null && m.isDefault()) {
      s.append("default ");
    }
    s.append(Modifier.toString(mods)).append(' ');
    String tp = typeParams(e.getTypeParameters());
    if (!tp.isEmpty()) {
      s.append(tp).append(' ');
    }
    if (m != null) {
      s.append(m.getGenericReturnType().getTypeName()).append(' ').append(m.getName());
    } else {
      s.append(e.getDeclaringClass().getSimpleName());
    }
    Type[] params = e.getGenericParameterTypes();
    List<String> ps = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      String t = params[i].getTypeName();
      if (e.isVarArgs() && i == params.length - 1) {
        t = t.replaceAll("\\[\\]$", "...");
      }
      ps.add(t);
    }
    s.append('(').append(String.join(", ", ps)).append(')');
    Type[] ex = e.getGenericExceptionTypes();
    if (ex.length > 0) {
      s.append(" throws ")
          .append(Arrays.stream(ex).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return s.toString().replace("  ", " ").trim();
  }

  private static List<Annotation> sorted(Annotation[] as) {
    List<Annotation> l = new ArrayList<>(Arrays.asList(as));
    l.sort((a, b) -> a.annotationType().getName().compareTo(b.annotationType().getName()));
    return l;
  }
}
