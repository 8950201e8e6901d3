package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.ObjectStreamException;
import java.io.Serializable;

/** Stand-in for Jenkins core's {@code hudson.model.Result}: build outcomes ordered by severity. */
public final class Result implements Serializable {
  private static final long serialVersionUID = 1L;

  @NonNull public static final Result SUCCESS = new Result("SUCCESS", 0, true);
  @NonNull public static final Result UNSTABLE = new Result("UNSTABLE", 1, true);
  @NonNull public static final Result FAILURE = new Result("FAILURE", 2, true);
  @NonNull public static final Result NOT_BUILT = new Result("NOT_BUILT", 3, false);
  @NonNull public static final Result ABORTED = new Result("ABORTED", 4, false);

  private static final Result[] ALL = {SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED};

  private final String name;

  /** Bigger is worse. */
  public final int ordinal;

  /** Whether a build with this result ran to completion. */
  public final boolean completeBuild;

  private Result(String name, int ordinal, boolean complete) {
    this.name = name;
    this.ordinal = ordinal;
    this.completeBuild = complete;
  }

  public @NonNull Result combine(@NonNull Result that) {
    return this.ordinal < that.ordinal ? that : this;
  }

  public boolean isWorseThan(@NonNull Result that) {
    return this.ordinal > that.ordinal;
  }

  public boolean isWorseOrEqualTo(@NonNull Result that) {
    return this.ordinal >= that.ordinal;
  }

  public boolean isBetterThan(@NonNull Result that) {
    return this.ordinal < that.ordinal;
  }

  public boolean isBetterOrEqualTo(@NonNull Result that) {
    return this.ordinal <= that.ordinal;
  }

  public boolean isCompleteBuild() {
    return completeBuild;
  }

  @Override
  public @NonNull String toString() {
    return name;
  }

  /** Parses a result name; unknown names give FAILURE, as in core. */
  public static @NonNull Result fromString(@NonNull String s) {
    for (Result r : ALL) {
      if (s.equalsIgnoreCase(r.name)) {
        return r;
      }
    }
    return FAILURE;
  }

  private Object readResolve() throws ObjectStreamException {
    for (Result r : ALL) {
      if (ordinal == r.ordinal) {
        return r;
      }
    }
    return FAILURE;
  }
}
