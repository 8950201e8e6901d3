package hudson.model;

import java.io.File;

/** Stand-in for Jenkins core's {@code hudson.model.PersistenceRoot}. */
public interface PersistenceRoot extends Saveable {
  File getRootDir();
}
