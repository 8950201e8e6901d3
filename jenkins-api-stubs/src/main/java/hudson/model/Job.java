package hudson.model;

import hudson.ExtensionPoint;

/**
 * Stand-in for Jenkins core's {@code hudson.model.Job} (naming only; build records need Jenkins).
 */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends AbstractItem implements ExtensionPoint {

  protected Job(ItemGroup<? extends Item> parent, String name) {
    super(parent, name);
  }

  /** Real: loads the build from disk. */
  public RunT getBuildByNumber(int n) {
    throw new UnsupportedOperationException("stub: Job.getBuildByNumber");
  }
}
