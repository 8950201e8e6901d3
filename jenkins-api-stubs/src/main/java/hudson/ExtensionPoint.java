package hudson;

/** Stand-in for Jenkins core's {@code hudson.ExtensionPoint} marker interface. */
public interface ExtensionPoint {}
