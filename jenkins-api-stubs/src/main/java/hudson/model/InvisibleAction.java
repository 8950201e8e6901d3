package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.InvisibleAction}: an action with no UI. */
public abstract class InvisibleAction implements Action {
  @Override
  public final String getIconFileName() {
    return null;
  }

  @Override
  public final String getDisplayName() {
    return null;
  }

  @Override
  public String getUrlName() {
    return null;
  }
}
