package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stand-in for workflow-step-api's {@code StepDescriptor} (the structs-based {@code uninstantiate}
 * is omitted; argument binding needs structs and throws).
 */
public abstract class StepDescriptor extends Descriptor<Step> {

  /** Context types the step needs from {@link StepContext#get}. */
  public abstract Set<? extends Class<?>> getRequiredContext();

  /** Context types a block step adds for its body. */
  public Set<? extends Class<?>> getProvidedContext() {
    return Collections.emptySet();
  }

  /** The Pipeline function name, e.g. {@code withCredentials}. */
  public abstract String getFunctionName();

  /** Whether the step takes a closure body. */
  public boolean takesImplicitBlockArgument() {
    return false;
  }

  public boolean isAdvanced() {
    return false;
  }

  public boolean isMetaStep() {
    return false;
  }

  /** Null for ordinary steps; meta-step argument types need structs. */
  public final @Nullable Class<?> getMetaStepArgumentType() {
    if (!isMetaStep()) {
      return null;
    }
    throw new UnsupportedOperationException("stub: StepDescriptor.getMetaStepArgumentType");
  }

  /** Real: binds via structs' DescribableModel. */
  @Deprecated
  public Step newInstance(Map<String, Object> arguments) throws Exception {
    throw new UnsupportedOperationException("stub: StepDescriptor.newInstance (needs structs)");
  }

  /** Real: reads via structs' DescribableModel. */
  @Deprecated
  public Map<String, Object> defineArguments(Step step) throws UnsupportedOperationException {
    throw new UnsupportedOperationException("stub: StepDescriptor.defineArguments (needs structs)");
  }

  /** Fails with {@link MissingContextVariableException} if a required context object is null. */
  public final void checkContextAvailability(StepContext c)
      throws MissingContextVariableException, IOException, InterruptedException {
    for (Class<?> type : getRequiredContext()) {
      if (c.get(type) == null) {
        throw new MissingContextVariableException(type, this);
      }
    }
  }

  public static ExtensionList<StepDescriptor> all() {
    return ExtensionList.lookup(StepDescriptor.class);
  }

  public static Iterable<StepDescriptor> allMeta() {
    List<StepDescriptor> meta = new ArrayList<>();
    for (StepDescriptor d : all()) {
      if (d.isMetaStep()) {
        meta.add(d);
      }
    }
    return meta;
  }

  public static @Nullable StepDescriptor byFunctionName(String name) {
    for (StepDescriptor d : all()) {
      if (d.getFunctionName().equals(name)) {
        return d;
      }
    }
    return null;
  }

  /** Real: resolves symbols through structs. */
  public static @NonNull List<StepDescriptor> metaStepsOf(String symbol) {
    throw new UnsupportedOperationException("stub: StepDescriptor.metaStepsOf (needs structs)");
  }

  /**
   * Short description of the arguments for the "Pipeline Steps" view; the stub (like core's default
   * for a lone string argument) returns that string, otherwise null.
   */
  @CheckForNull
  public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
    if (namedArgs.size() == 1 && namedArgs.values().iterator().next() instanceof String s) {
      return s;
    }
    return null;
  }
}
