package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.List;

/** Stand-in for workflow-step-api's {@code MissingContextVariableException}. */
public class MissingContextVariableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final @NonNull Class<?> type;
  private final @CheckForNull String functionName;

  @Deprecated
  public MissingContextVariableException(@NonNull Class<?> type) {
    this(type, null);
  }

  public MissingContextVariableException(@NonNull Class<?> type, @CheckForNull StepDescriptor d) {
    this.type = type;
    this.functionName = d == null ? null : d.getFunctionName();
  }

  public Class<?> getType() {
    return type;
  }

  @Override
  public String getMessage() {
    return "Required context "
        + type
        + " is missing"
        + (functionName == null ? "" : " (step " + functionName + ")");
  }

  /** Steps whose bodies provide the missing type; none are known without Jenkins. */
  @NonNull
  public List<StepDescriptor> getProviders() {
    List<StepDescriptor> out = new ArrayList<>();
    for (StepDescriptor d : StepDescriptor.all()) {
      if (d.getProvidedContext().contains(type)) {
        out.add(d);
      }
    }
    return out;
  }
}
