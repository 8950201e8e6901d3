package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.security.ACL;
import java.io.File;
import java.io.IOException;
import jenkins.model.Jenkins;

/** Stand-in for Jenkins core's {@code hudson.model.AbstractItem} (naming members work). */
public abstract class AbstractItem extends Actionable implements Item {
  private transient ItemGroup<? extends Item> parent;
  private final String name;

  protected AbstractItem(ItemGroup<? extends Item> parent, String name) {
    this.parent = parent;
    this.name = name;
  }

  @Override
  public ItemGroup<? extends Item> getParent() {
    return parent;
  }

  @Override
  @NonNull
  public String getName() {
    return name;
  }

  @Override
  public String getDisplayName() {
    return getName();
  }

  /** Parent's full name + "/" + name, or just the name at the top level. */
  @Override
  @NonNull
  public String getFullName() {
    String n = getParent().getFullName();
    return n == null || n.isEmpty() ? getName() : n + '/' + getName();
  }

  @Override
  public String getFullDisplayName() {
    String n = getParent().getFullDisplayName();
    return n == null || n.isEmpty() ? getDisplayName() : n + " \u00bb " + getDisplayName();
  }

  @Override
  public String getUrl() {
    return getParent().getUrl()
        + getParent().getUrlChildPrefix()
        + '/'
        + Util.rawEncode(getName())
        + '/';
  }

  @Override
  public File getRootDir() {
    @SuppressWarnings("unchecked")
    ItemGroup<Item> p = (ItemGroup<Item>) getParent();
    return p.getRootDirFor(this);
  }

  /** Real: writes config.xml under JENKINS_HOME. */
  @Override
  public void save() throws IOException {
    throw new UnsupportedOperationException("stub: AbstractItem.save");
  }

  /** Real: asks Jenkins' authorization strategy; without Jenkins throws IllegalStateException. */
  @Override
  @NonNull
  public ACL getACL() {
    return Jenkins.get().getACL();
  }
}
