package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stand-in for workflow-step-api's {@code EnvironmentExpander}: how a block step adds environment
 * variables for its body.
 */
public abstract class EnvironmentExpander implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Adds or overrides variables in {@code env}. */
  public abstract void expand(@NonNull EnvVars env) throws IOException, InterruptedException;

  /** Names of variables holding secrets (Pipeline warns when they are interpolated). */
  public @NonNull Set<String> getSensitiveVariables() {
    return Collections.emptySet();
  }

  /** An expander applying a fixed map with {@link EnvVars#overrideAll} semantics. */
  public static EnvironmentExpander constant(@NonNull Map<String, String> env) {
    return new Constant(env);
  }

  /** Runs {@code original} then {@code subsequent}; just {@code subsequent} if original is null. */
  public static EnvironmentExpander merge(
      @CheckForNull EnvironmentExpander original, @NonNull EnvironmentExpander subsequent) {
    return original == null ? subsequent : new Merged(original, subsequent);
  }

  /** Deprecated overload without step environment contributors. */
  @Deprecated
  public static @NonNull EnvVars getEffectiveEnvironment(
      @NonNull EnvVars customEnvironment,
      @CheckForNull EnvVars contextualEnvironment,
      @CheckForNull EnvironmentExpander expander)
      throws IOException, InterruptedException {
    return getEffectiveEnvironment(
        customEnvironment, contextualEnvironment, expander, null, TaskListener.NULL);
  }

  /**
   * Contextual environment, overridden by the custom one, then expanded. (Real also applies {@code
   * StepEnvironmentContributor} extensions, of which there are none without Jenkins.)
   */
  public static @NonNull EnvVars getEffectiveEnvironment(
      @NonNull EnvVars customEnvironment,
      @CheckForNull EnvVars contextualEnvironment,
      @CheckForNull EnvironmentExpander expander,
      @CheckForNull StepContext stepContext,
      @NonNull TaskListener listener)
      throws IOException, InterruptedException {
    EnvVars env;
    if (contextualEnvironment != null) {
      env = new EnvVars(contextualEnvironment);
      env.putAll(customEnvironment);
    } else {
      env = new EnvVars(customEnvironment);
    }
    if (expander != null) {
      expander.expand(env);
    }
    return env;
  }

  private static final class Constant extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, String> env;

    Constant(Map<String, String> env) {
      this.env = new HashMap<>(env);
    }

    @Override
    public void expand(@NonNull EnvVars target) {
      target.overrideAll(env);
    }
  }

  private static final class Merged extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;
    private final EnvironmentExpander original;
    private final EnvironmentExpander subsequent;

    Merged(EnvironmentExpander original, EnvironmentExpander subsequent) {
      this.original = original;
      this.subsequent = subsequent;
    }

    @Override
    public void expand(@NonNull EnvVars env) throws IOException, InterruptedException {
      original.expand(env);
      subsequent.expand(env);
    }

    @Override
    public @NonNull Set<String> getSensitiveVariables() {
      Set<String> a = original.getSensitiveVariables();
      Set<String> b = subsequent.getSensitiveVariables();
      if (a.isEmpty() && b.isEmpty()) {
        return Collections.emptySet();
      }
      Set<String> all = new HashSet<>(a);
      all.addAll(b);
      return all;
    }
  }
}
