package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-in for Jenkins core's {@code hudson.model.Actionable} (persisted actions only; no transient
 * action factories run without Jenkins).
 */
public abstract class Actionable {
  private volatile CopyOnWriteArrayList<Action> actions;

  /** The live, mutable list of persisted actions. */
  @Deprecated
  public List<Action> getActions() {
    if (actions == null) {
      synchronized (this) {
        if (actions == null) {
          actions = new CopyOnWriteArrayList<>();
        }
      }
    }
    return actions;
  }

  public final List<? extends Action> getAllActions() {
    return Collections.unmodifiableList(new ArrayList<>(getActions()));
  }

  public <T extends Action> List<T> getActions(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Action a : getActions()) {
      if (type.isInstance(a)) {
        out.add(type.cast(a));
      }
    }
    return out;
  }

  @SuppressWarnings("deprecation")
  public void addAction(@NonNull Action a) {
    getActions().add(a);
  }

  /** Replaces every action of the same class; returns false if {@code a} was already present. */
  @SuppressWarnings("deprecation")
  public boolean addOrReplaceAction(@NonNull Action a) {
    List<Action> list = getActions();
    boolean found = false;
    for (Action existing : list) {
      if (!found && existing.equals(a)) {
        found = true;
      } else if (existing.getClass() == a.getClass()) {
        list.remove(existing);
      }
    }
    if (!found) {
      list.add(a);
    }
    return !found;
  }

  @SuppressWarnings("deprecation")
  public boolean removeAction(@Nullable Action a) {
    return a != null && getActions().removeAll(Collections.singleton(a));
  }

  public <T extends Action> T getAction(Class<T> type) {
    for (Action a : getActions()) {
      if (type.isInstance(a)) {
        return type.cast(a);
      }
    }
    return null;
  }
}
