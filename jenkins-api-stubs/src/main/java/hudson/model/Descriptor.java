package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Jenkins;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;

/**
 * Stand-in for Jenkins core's {@code hudson.model.Descriptor} (subset: no Stapler form binding, no
 * XmlFile; load/save need a running Jenkins exactly as the real ones do).
 */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {

  /** The described class. */
  public final transient Class<? extends T> clazz;

  /** Infers {@link #clazz} from {@link #self()} or the enclosing class, like the real one. */
  @SuppressWarnings("unchecked")
  protected Descriptor(Class<? extends T> clazz) {
    if (clazz == self()) {
      clazz = (Class<? extends T>) getClass();
    }
    this.clazz = clazz;
  }

  @SuppressWarnings("unchecked")
  protected Descriptor() {
    this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
    if (clazz == null) {
      throw new AssertionError(
          getClass()
              + " doesn't have an outer class. Use the constructor that takes the Class object"
              + " explicitly.");
    }
  }

  /** Marker passed to {@link #Descriptor(Class)} meaning "the descriptor's own class". */
  @SuppressWarnings("rawtypes")
  protected static Class self() {
    return Self.class;
  }

  private static final class Self {}

  @NonNull
  public String getDisplayName() {
    return clazz.getSimpleName();
  }

  public String getId() {
    return clazz.getName();
  }

  /** The Jelly page path; the first class up the hierarchy that ships the view wins. */
  public String getConfigPage() {
    return getViewPage(clazz, "config.jelly");
  }

  public String getGlobalConfigPage() {
    return getViewPage(clazz, "global.jelly");
  }

  private String getViewPage(Class<?> c, String pageName) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      String path = "/" + k.getName().replace('.', '/').replace('$', '/') + "/" + pageName;
      if (k.getClassLoader() != null && k.getClassLoader().getResource(path.substring(1)) != null) {
        return path;
      }
    }
    return "/" + c.getName().replace('.', '/').replace('$', '/') + "/" + pageName;
  }

  /** Real: writes {@code $JENKINS_HOME/<id>.xml}; without Jenkins throws IllegalStateException. */
  @Override
  public synchronized void save() {
    Jenkins.get();
    throw new UnsupportedOperationException("stub: Descriptor.save");
  }

  /** Real: reads {@code $JENKINS_HOME/<id>.xml}; without Jenkins throws IllegalStateException. */
  @Override
  public synchronized void load() {
    Jenkins.get();
    throw new UnsupportedOperationException("stub: Descriptor.load");
  }
}
