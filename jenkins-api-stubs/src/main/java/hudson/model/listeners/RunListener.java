package hudson.model.listeners;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Stand-in for Jenkins core's {@code hudson.model.listeners.RunListener}: build lifecycle callbacks
 * (the static {@code fire*} dispatchers are omitted).
 */
@SuppressWarnings("rawtypes")
public abstract class RunListener<R extends Run> implements ExtensionPoint {

  /** The run type this listener accepts. */
  public final Class<R> targetType;

  protected RunListener(Class<R> targetType) {
    this.targetType = targetType;
  }

  /** Infers {@link #targetType} from the type argument of the subclass, like core. */
  @SuppressWarnings("unchecked")
  protected RunListener() {
    this.targetType = (Class<R>) inferTargetType(getClass());
  }

  private static Class<?> inferTargetType(Class<?> c) {
    for (Class<?> k = c; k != null && k != RunListener.class; k = k.getSuperclass()) {
      Type sup = k.getGenericSuperclass();
      if (sup instanceof ParameterizedType pt && pt.getRawType() == RunListener.class) {
        Type arg = pt.getActualTypeArguments()[0];
        if (arg instanceof Class<?> cls) {
          return cls;
        }
        if (arg instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
          return raw;
        }
      }
    }
    return Run.class;
  }

  public void onCompleted(R r, @NonNull TaskListener listener) {}

  public void onFinalized(R r) {}

  public void onInitialize(R r) {}

  public void onStarted(R r, TaskListener listener) {}

  public void onDeleted(R r) {}

  public static ExtensionList<RunListener> all() {
    return ExtensionList.lookup(RunListener.class);
  }
}
