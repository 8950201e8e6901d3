package io.github.planetscaleci.jenkins;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.BranchLease;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The branches a build opened, saved with the build before any API call, so that cleanup works
 * after a failure, an abort, a hard kill or a restart. Holds no secret: the token is looked up
 * again by credentials id.
 */
public final class BranchLeasesAction extends InvisibleAction {
  private static final Logger LOGGER = Logger.getLogger(BranchLeasesAction.class.getName());

  private final List<Lease> leases = new ArrayList<>();

  /** The action of {@code run}, added if missing. */
  static synchronized BranchLeasesAction of(Run<?, ?> run) {
    BranchLeasesAction a = run.getAction(BranchLeasesAction.class);
    if (a == null) {
      a = new BranchLeasesAction();
      run.addAction(a);
    }
    return a;
  }

  /** Records that this build is about to open {@code branch}; saves the build. */
  Lease opening(Run<?, ?> run, Lease lease) {
    synchronized (this) {
      leases.add(lease);
    }
    save(run);
    return lease;
  }

  /**
   * Records that this build's own request created the branch, the moment the API confirmed it;
   * saves the build, so that cleanup after a hard kill deletes a branch of a user-given name too.
   */
  void branchCreated(Run<?, ?> run, String leaseId) {
    synchronized (this) {
      find(leaseId).created = Boolean.TRUE;
    }
    save(run);
  }

  /** Records a password this build created on the lease's branch, the moment it exists; saves. */
  void passwordCreated(Run<?, ?> run, String leaseId, String passwordId) {
    synchronized (this) {
      Lease l = find(leaseId);
      if (!l.passwordIds.contains(passwordId)) {
        l.passwordIds.add(passwordId);
      }
    }
    save(run);
  }

  /**
   * Records what was opened (created or reused, passwords) and marks the lease open; saves the
   * build.
   *
   * @return false when the lease had already been closed while the branch was opening (the build
   *     ended and {@link SafetyNet} ran before the branch was visible): the caller must close it
   *     now
   */
  boolean opened(Run<?, ?> run, String leaseId, BranchLease opened) {
    boolean wasClosed;
    synchronized (this) {
      Lease l = find(leaseId);
      wasClosed = l.state == State.CLOSED;
      l.created = opened.created() || Boolean.TRUE.equals(l.created);
      for (String id : opened.passwordIds()) {
        if (!l.passwordIds.contains(id)) {
          l.passwordIds.add(id);
        }
      }
      l.state = State.OPEN;
    }
    save(run);
    return !wasClosed;
  }

  /** Records that nothing is left to clean up for this lease; saves the build. */
  void closed(Run<?, ?> run, String leaseId) {
    synchronized (this) {
      find(leaseId).state = State.CLOSED;
    }
    save(run);
  }

  /** Copies of the leases not yet closed. */
  synchronized List<Lease> unclosed() {
    List<Lease> out = new ArrayList<>();
    for (Lease l : leases) {
      if (l.state != State.CLOSED) {
        out.add(l.copy());
      }
    }
    return out;
  }

  synchronized Lease get(String leaseId) {
    return find(leaseId).copy();
  }

  private Lease find(String leaseId) {
    for (Lease l : leases) {
      if (l.id.equals(leaseId)) {
        return l;
      }
    }
    throw new IllegalStateException("no lease " + leaseId + " recorded on this build");
  }

  static void save(Run<?, ?> run) {
    try {
      run.save();
    } catch (Exception e) {
      // The in-memory record still drives cleanup in this JVM; only a crash would lose it.
      LOGGER.log(Level.WARNING, "could not save the PlanetScale cleanup record of " + run, e);
    }
  }

  /** Where a lease is in its life. */
  enum State {
    /**
     * Recorded before the API call: the branch may or may not exist; {@code created} and {@code
     * passwordIds} fill in as the API confirms each resource.
     */
    OPENING,
    /** Opened: {@code created} and {@code passwordIds} are known. */
    OPEN,
    /** Deleted (or kept on purpose): nothing to do. */
    CLOSED
  }

  /** One branch of this build; plain fields so that Jenkins' XStream writes it into build.xml. */
  static final class Lease {
    final String id;
    final String organization;
    final String database;
    final String branch;

    /** The name came from core's naming (job and build), so no one else can own the branch. */
    final boolean generated;

    final String apiUrl;
    final String credentialsId;
    final boolean keepBranch;
    Boolean created;
    List<String> passwordIds = new ArrayList<>();
    State state = State.OPENING;

    Lease(
        String organization,
        String database,
        String branch,
        boolean generated,
        String apiUrl,
        String credentialsId,
        boolean keepBranch) {
      this(
          UUID.randomUUID().toString(),
          organization,
          database,
          branch,
          generated,
          apiUrl,
          credentialsId,
          keepBranch);
    }

    private Lease(
        String id,
        String organization,
        String database,
        String branch,
        boolean generated,
        String apiUrl,
        String credentialsId,
        boolean keepBranch) {
      this.id = id;
      this.organization = organization;
      this.database = database;
      this.branch = branch;
      this.generated = generated;
      this.apiUrl = apiUrl;
      this.credentialsId = credentialsId;
      this.keepBranch = keepBranch;
    }

    DatabaseRef databaseRef() {
      return new DatabaseRef(organization, database);
    }

    /**
     * Core's lease for closing. Before the open finished, a generated name counts as created by
     * this build (no one else can hold it); a user's name does not, so it is never deleted blind.
     */
    BranchLease toCoreLease() {
      boolean ours = created != null ? created : generated;
      return new BranchLease(databaseRef(), branch, ours, passwordIds);
    }

    Lease copy() {
      Lease c =
          new Lease(
              id, organization, database, branch, generated, apiUrl, credentialsId, keepBranch);
      c.created = created;
      c.passwordIds = new ArrayList<>(passwordIds);
      c.state = state;
      return c;
    }

    @Override
    public String toString() {
      return organization + "/" + database + " branch " + branch + " (" + state + ")";
    }
  }
}
