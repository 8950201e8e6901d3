package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.util.io.OnMaster;

/**
 * Stand-in for Jenkins core's {@code hudson.ExtensionList}; with no running Jenkins (always, in the
 * stubs) every list is empty, exactly as the real class behaves before Jenkins starts.
 */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {

  /** The extension type this list holds. */
  public final Class<T> extensionType;

  private final List<T> items;

  private ExtensionList(Class<T> extensionType, List<T> items) {
    this.extensionType = extensionType;
    this.items = items;
  }

  @Override
  public T get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  /** Real: {@code Jenkins.getInstanceOrNull()} is null, so a fresh empty list is returned. */
  public static @NonNull <T> ExtensionList<T> lookup(Class<T> type) {
    Jenkins j = Jenkins.getInstanceOrNull();
    if (j != null) {
      return j.getExtensionList(type);
    }
    return new ExtensionList<>(type, List.of());
  }

  /** Exactly one instance or {@link IllegalStateException}, as in the real class. */
  public static @NonNull <U> U lookupSingleton(Class<U> type) {
    ExtensionList<U> all = lookup(type);
    if (all.size() != 1) {
      throw new IllegalStateException(
          "Expected 1 instance of " + type.getName() + " but got " + all.size());
    }
    return all.get(0);
  }
}
