package jenkins.model;

import java.io.IOException;

/** Stand-in for Jenkins core's {@code jenkins.model.Loadable}. */
public interface Loadable {
  void load() throws IOException;
}
