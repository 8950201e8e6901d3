package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import jenkins.model.Jenkins;
import jenkins.util.io.OnMaster;

/**
 * Stand-in for Jenkins core's {@code hudson.model.Run} (subset: identity, result and actions work;
 * persistence and environment need Jenkins). Tests subclass it via {@link #Run(Job, long)}.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends Actionable
    implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot, OnMaster {

  @NonNull protected final transient JobT project;

  /** Build number; public and non-final in core too. */
  public transient int number;

  private final long timestamp;

  private volatile Result result;

  /** Real: also assigns the next build number through Jenkins. */
  protected Run(@NonNull JobT job) throws IOException {
    this(job, System.currentTimeMillis());
    throw new UnsupportedOperationException(
        "stub: Run(Job) assigns a build number through Jenkins; use Run(Job, long)");
  }

  /** Creates a not-yet-started run; does not touch Jenkins (same as core). */
  protected Run(@NonNull JobT job, long timestamp) {
    this.project = job;
    this.timestamp = timestamp;
  }

  @NonNull
  public JobT getParent() {
    return project;
  }

  public int getNumber() {
    return number;
  }

  @NonNull
  public String getId() {
    return Integer.toString(number);
  }

  /** {@code fullJobName#number}, stable across restarts. */
  @NonNull
  public String getExternalizableId() {
    return project.getFullName() + "#" + getNumber();
  }

  /** Real: resolves the job through Jenkins; without Jenkins throws IllegalStateException. */
  @CheckForNull
  public static Run<?, ?> fromExternalizableId(String id) throws IllegalArgumentException {
    int hash = id.lastIndexOf('#');
    if (hash < 0) {
      throw new IllegalArgumentException("Invalid id: " + id);
    }
    try {
      Integer.parseInt(id.substring(hash + 1));
    } catch (NumberFormatException x) {
      throw new IllegalArgumentException(x);
    }
    Jenkins.get();
    throw new UnsupportedOperationException("stub: Run.fromExternalizableId");
  }

  public String getDisplayName() {
    return "#" + number;
  }

  public String getFullDisplayName() {
    return project.getFullDisplayName() + ' ' + getDisplayName();
  }

  @NonNull
  public String getUrl() {
    return project.getUrl() + getNumber() + '/';
  }

  /** Real: the charset recorded when the build started; defaults to the JVM's. */
  @NonNull
  public final Charset getCharset() {
    return Charset.defaultCharset();
  }

  @CheckForNull
  public Result getResult() {
    return result;
  }

  /** Results only get worse, as in core (core also rejects changes once the build is over). */
  public void setResult(@NonNull Result r) {
    if (result == null || r.isWorseThan(result)) {
      result = r;
    }
  }

  /** A stub run never reaches post-production, so it is always building (override in tests). */
  public boolean isBuilding() {
    return true;
  }

  public long getTimeInMillis() {
    return timestamp;
  }

  /** Real: computes the build environment through Jenkins and the executing node. */
  @NonNull
  public EnvVars getEnvironment(@NonNull TaskListener listener)
      throws IOException, InterruptedException {
    throw new UnsupportedOperationException("stub: Run.getEnvironment");
  }

  /** Real: {@code <job build dir>/<number>} under JENKINS_HOME. */
  @Override
  @NonNull
  public File getRootDir() {
    throw new UnsupportedOperationException("stub: Run.getRootDir");
  }

  /** Real: writes build.xml; tests override it. */
  @Override
  public synchronized void save() throws IOException {
    throw new UnsupportedOperationException("stub: Run.save");
  }

  @SuppressWarnings("deprecation")
  @Override
  public void addAction(@NonNull Action a) {
    super.addAction(a);
  }

  @Override
  @NonNull
  public ACL getACL() {
    return getParent().getACL();
  }

  @Override
  public int compareTo(@NonNull RunT that) {
    return Integer.compare(this.number, that.number);
  }

  @Override
  public String toString() {
    return project.getFullName() + " #" + number;
  }
}
