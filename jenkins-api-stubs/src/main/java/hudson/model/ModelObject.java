package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.ModelObject}. */
public interface ModelObject {
  String getDisplayName();
}
