package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.util.io.OnMaster;

/**
 * Stand-in for Jenkins core's {@code jenkins.model.Jenkins}; no instance ever exists in the stubs,
 * so {@link #get()} always fails exactly as the real one does when Jenkins is not running.
 */
public class Jenkins implements AccessControlled, OnMaster, Loadable {

  public static final Permission ADMINISTER = Permission.fromId("hudson.model.Hudson.Administer");
  public static final Permission MANAGE = Permission.fromId("hudson.model.Hudson.Manage");
  public static final Permission SYSTEM_READ = Permission.fromId("hudson.model.Hudson.SystemRead");
  public static final Permission READ = Permission.fromId("hudson.model.Hudson.Read");

  private Jenkins() {
    throw new UnsupportedOperationException("stub: Jenkins cannot be instantiated");
  }

  /** Always throws: the stubs never run Jenkins. */
  @NonNull
  public static Jenkins get() throws IllegalStateException {
    throw new IllegalStateException(
        "Jenkins.instance is missing (jenkins-api-stubs: there is no running Jenkins; keep code"
            + " that needs one out of plain unit tests)");
  }

  /** Always null: the stubs never run Jenkins. */
  @CheckForNull
  public static Jenkins getInstanceOrNull() {
    return null;
  }

  @Override
  @NonNull
  public ACL getACL() {
    throw new UnsupportedOperationException("stub: Jenkins.getACL");
  }

  @Override
  public void load() {
    throw new UnsupportedOperationException("stub: Jenkins.load");
  }

  @SuppressWarnings("rawtypes")
  @CheckForNull
  public Descriptor getDescriptor(Class<? extends Describable> type) {
    throw new UnsupportedOperationException("stub: Jenkins.getDescriptor");
  }

  @SuppressWarnings("rawtypes")
  @NonNull
  public Descriptor getDescriptorOrDie(Class<? extends Describable> type) {
    throw new UnsupportedOperationException("stub: Jenkins.getDescriptorOrDie");
  }

  @SuppressWarnings("rawtypes")
  public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
    throw new UnsupportedOperationException("stub: Jenkins.getDescriptorByType");
  }

  public <T> ExtensionList<T> getExtensionList(Class<T> extensionType) {
    throw new UnsupportedOperationException("stub: Jenkins.getExtensionList");
  }

  @Nullable
  public String getRootUrl() throws IllegalStateException {
    throw new UnsupportedOperationException("stub: Jenkins.getRootUrl");
  }

  @CheckForNull
  public <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type) {
    throw new UnsupportedOperationException("stub: Jenkins.getItemByFullName");
  }
}
