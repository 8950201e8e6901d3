package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Indexable;

/**
 * Stand-in for Jenkins core's {@code hudson.Extension}; SezPoz indexes it exactly as the real one.
 */
@Indexable
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {
  /** Sort order among extensions of one type; higher first. */
  double ordinal() default 0;

  /** Whether a failure to load this extension is silently ignored. */
  @Deprecated
  boolean optional() default false;

  /** Whether the extension can be loaded into a running Jenkins. */
  YesNoMaybe dynamicLoadable() default YesNoMaybe.MAYBE;
}
