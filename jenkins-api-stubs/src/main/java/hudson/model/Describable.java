package hudson.model;

import jenkins.model.Jenkins;

/** Stand-in for Jenkins core's {@code hudson.model.Describable} (2.505+: default getDescriptor). */
public interface Describable<T extends Describable<T>> {
  /** Real: {@code Jenkins.get().getDescriptorOrDie(getClass())}; no Jenkins in the stubs. */
  @SuppressWarnings("unchecked")
  default Descriptor<T> getDescriptor() {
    return Jenkins.get().getDescriptorOrDie(getClass());
  }
}
