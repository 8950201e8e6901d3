package jenkins.util.io;

/** Stand-in for Jenkins core's {@code jenkins.util.io.OnMaster} marker interface. */
public interface OnMaster {}
