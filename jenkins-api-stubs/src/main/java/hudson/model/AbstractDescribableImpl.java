package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.AbstractDescribableImpl} (empty since 2.505). */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>>
    implements Describable<T> {}
