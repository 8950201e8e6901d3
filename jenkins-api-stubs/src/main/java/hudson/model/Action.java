package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Stand-in for Jenkins core's {@code hudson.model.Action}. */
public interface Action extends ModelObject {
  @CheckForNull
  String getIconFileName();

  @Override
  @CheckForNull
  String getDisplayName();

  @CheckForNull
  String getUrlName();
}
