package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Locale;

/**
 * Stand-in for Jenkins core's {@code hudson.util.FormValidation}: the verdict of a {@code doCheckX}
 * method (Stapler's {@code HttpResponse} supertype is omitted). Messages are HTML-escaped as in
 * core, and {@link #getMessage()} returns the escaped text.
 */
public abstract class FormValidation extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  /** Severity of a validation result. */
  public enum Kind {
    OK,
    WARNING,
    ERROR
  }

  /** Severity of this result. */
  public final Kind kind;

  private FormValidation(Kind kind) {
    this.kind = kind;
  }

  private FormValidation(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  private FormValidation(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  private static final FormValidation OK = respond(Kind.OK, "<div/>");

  public static FormValidation ok() {
    return OK;
  }

  public static FormValidation ok(String message) {
    return withMarkup(Util.escape(message), Kind.OK);
  }

  public static FormValidation ok(String format, Object... args) {
    return ok(String.format(format, args));
  }

  public static FormValidation warning(String message) {
    return withMarkup(Util.escape(message), Kind.WARNING);
  }

  public static FormValidation warning(String format, Object... args) {
    return warning(String.format(format, args));
  }

  public static FormValidation warning(Throwable e, String message) {
    return withStackTrace(Kind.WARNING, e, message);
  }

  public static FormValidation error(String message) {
    return withMarkup(Util.escape(message), Kind.ERROR);
  }

  public static FormValidation error(String format, Object... args) {
    return error(String.format(format, args));
  }

  public static FormValidation error(Throwable e, String message) {
    return withStackTrace(Kind.ERROR, e, message);
  }

  public static FormValidation error(Throwable e, String format, Object... args) {
    return error(e, String.format(format, args));
  }

  public static FormValidation okWithMarkup(String message) {
    return withMarkup(message, Kind.OK);
  }

  public static FormValidation warningWithMarkup(String message) {
    return withMarkup(message, Kind.WARNING);
  }

  public static FormValidation errorWithMarkup(String message) {
    return withMarkup(message, Kind.ERROR);
  }

  /** An error "Required" when the value is blank, else OK (core's message text). */
  public static FormValidation validateRequired(String value) {
    return Util.fixEmptyAndTrim(value) == null ? error("Required") : ok();
  }

  /** The worst kind among the results, rendering them all; a single result is returned as is. */
  @NonNull
  public static FormValidation aggregate(@NonNull Collection<FormValidation> validations) {
    if (validations.isEmpty()) {
      return ok();
    }
    if (validations.size() == 1) {
      return validations.iterator().next();
    }
    StringBuilder html = new StringBuilder("<ul style='list-style-type: none; padding-left: 0'>");
    Kind worst = Kind.OK;
    for (FormValidation v : validations) {
      html.append("<li>").append(v.renderHtml()).append("</li>");
      if (v.kind.ordinal() > worst.ordinal()) {
        worst = v.kind;
      }
    }
    return respond(worst, html.append("</ul>").toString());
  }

  /** A result whose rendering is exactly {@code html}. */
  public static FormValidation respond(Kind kind, final String html) {
    return new FormValidation(kind) {
      private static final long serialVersionUID = 1L;

      @Override
      public String renderHtml() {
        return html;
      }

      @Override
      public String toString() {
        return kind + ": " + html;
      }
    };
  }

  private static FormValidation withMarkup(String message, Kind kind) {
    if (message == null) {
      return ok();
    }
    return new FormValidation(kind, message) {
      private static final long serialVersionUID = 1L;

      @Override
      public String renderHtml() {
        return "<div class=" + kind.name().toLowerCase(Locale.ENGLISH) + ">" + message + "</div>";
      }

      @Override
      public String toString() {
        return kind + ": " + message;
      }
    };
  }

  private static FormValidation withStackTrace(Kind kind, Throwable e, String message) {
    String escaped = Util.escape(message);
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return new FormValidation(kind, escaped, e) {
      private static final long serialVersionUID = 1L;

      @Override
      public String renderHtml() {
        return "<div class="
            + kind.name().toLowerCase(Locale.ENGLISH)
            + ">"
            + escaped
            + "<pre>"
            + Util.escape(trace.toString())
            + "</pre></div>";
      }

      @Override
      public String toString() {
        return kind + ": " + escaped;
      }
    };
  }

  /** The HTML the form shows next to the field. */
  public abstract String renderHtml();
}
