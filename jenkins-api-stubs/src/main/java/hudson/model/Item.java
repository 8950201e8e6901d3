package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.util.io.OnMaster;

/**
 * Stand-in for Jenkins core's {@code hudson.model.Item} (subset; the search/naming super-interfaces
 * are omitted).
 */
public interface Item extends PersistenceRoot, AccessControlled, OnMaster {
  Permission CREATE = Permission.fromId("hudson.model.Item.Create");
  Permission DELETE = Permission.fromId("hudson.model.Item.Delete");
  Permission CONFIGURE = Permission.fromId("hudson.model.Item.Configure");
  Permission READ = Permission.fromId("hudson.model.Item.Read");
  Permission DISCOVER = Permission.fromId("hudson.model.Item.Discover");
  Permission EXTENDED_READ = Permission.fromId("hudson.model.Item.ExtendedRead");
  Permission BUILD = Permission.fromId("hudson.model.Item.Build");
  Permission WORKSPACE = Permission.fromId("hudson.model.Item.Workspace");
  Permission WIPEOUT = Permission.fromId("hudson.model.Item.WipeOut");
  Permission CANCEL = Permission.fromId("hudson.model.Item.Cancel");

  ItemGroup<? extends Item> getParent();

  @NonNull
  String getName();

  @NonNull
  String getFullName();

  String getDisplayName();

  String getFullDisplayName();

  String getUrl();
}
