package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for Stapler's {@code QueryParameter}: binds a request parameter to a web method
 * argument.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
  /** Parameter name; defaults to the Java parameter name. */
  String value() default "";

  /** Whether a missing parameter is an error. */
  boolean required() default false;

  /** Whether an empty value becomes null. */
  boolean fixEmpty() default false;
}
