package hudson.model;

/** Stand-in for Jenkins core's {@code hudson.model.AbstractProject} (type only, for generics). */
public abstract class AbstractProject<
        P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
    extends Job<P, R> {

  protected AbstractProject(ItemGroup<? extends Item> parent, String name) {
    super(parent, name);
  }
}
