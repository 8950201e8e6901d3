package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

/**
 * Stand-in for Jenkins core's {@code jenkins.model.GlobalConfiguration}: a descriptor that is its
 * own describable (Stapler {@code configure} overloads omitted).
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
    implements ExtensionPoint, Describable<GlobalConfiguration> {

  @SuppressWarnings("unchecked")
  protected GlobalConfiguration() {
    super((Class<? extends GlobalConfiguration>) self());
  }

  @Override
  public final Descriptor<GlobalConfiguration> getDescriptor() {
    return this;
  }

  @Override
  public String getGlobalConfigPage() {
    return getConfigPage();
  }

  @NonNull
  public static ExtensionList<GlobalConfiguration> all() {
    return ExtensionList.lookup(GlobalConfiguration.class);
  }
}
