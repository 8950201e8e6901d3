package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.CreateBranchRequest;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.WorkflowException;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.Database;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.naming.BranchNames;
import java.util.List;
import java.util.Optional;

/** Opens a branch: create or reuse, wait until ready, issue and verify credentials. */
final class OpenBranchFlow {
  private final PlanetScaleClient client;
  private final Events events;
  private final Poller poller;
  private final PasswordIssuer issuer;

  OpenBranchFlow(PlanetScaleClient client, Events events, Poller poller, PasswordIssuer issuer) {
    this.client = client;
    this.events = events;
    this.poller = poller;
    this.issuer = issuer;
  }

  OpenedBranch run(OpenBranchRequest r) {
    validate(r);
    DatabaseRef db = r.database();
    String name = r.branch();
    events.info(
        r.ciDescription() == null || r.ciDescription().isBlank()
            ? "branch " + name + " of " + db
            : r.ciDescription() + " -> " + name);
    events.progress("lookup", "reading database " + db);
    Database database = client.databases().get(db);
    if (name.equals(database.defaultBranch())) {
      throw refuse(db, name, "is the database's default branch");
    }
    String parent = r.parentBranch() != null ? r.parentBranch() : database.defaultBranch();
    Optional<Branch> existing = client.branches().find(db, name);
    boolean created = existing.isEmpty();
    Branch branch =
        existing.isPresent() ? existing.get() : create(db, name, parent, r.seedData(), r);
    if (branch == null) { // lost a creation race: another build created it first
      branch = client.branches().get(db, name);
      created = false;
    } else if (created) {
      events.created(WorkflowEvent.CreatedResource.BRANCH, db, name, name);
    }
    if (!created) {
      if (branch.production()) {
        throw refuse(db, name, "is a production branch");
      }
      events.info("reusing existing branch " + name + " (not created by this run)");
    }
    try {
      if (!branch.ready()) {
        branch = poller.await(r.waitPolicy(), readiness(db, name));
      }
      events.progress("ready", "branch " + name + " is ready");
      PasswordIssuer.Issued issued =
          issuer.issue(db, name, branch.production(), r.passwordRole(), r.passwordTtl());
      BranchLease lease =
          new BranchLease(
              db, name, created, List.of(issued.passwordId()), created ? branch.id() : null);
      return new OpenedBranch(branch, created, issued.connection(), lease);
    } catch (RuntimeException e) {
      if (created) {
        cleanUp(db, name, r.keepOnFailure(), e);
      }
      throw e;
    }
  }

  private Branch create(
      DatabaseRef db, String name, String parent, boolean seedData, OpenBranchRequest r) {
    events.progress("create", "creating branch " + name + " from " + parent);
    try {
      return client.branches().create(db, new CreateBranchRequest(name, parent, seedData, null));
    } catch (ApiException e) {
      // The client reports a conflict after its own ambiguous attempt as that ambiguous failure,
      // so a conflict here means another build created the branch first.
      if (e.code() == ErrorCode.CONFLICT && client.branches().find(db, name).isPresent()) {
        return null;
      }
      if (Outcomes.unknown(e)) {
        deleteIfCreated(db, name, r.keepOnFailure(), e);
      }
      throw e;
    }
  }

  /**
   * After a create whose outcome is unknown: the branch did not exist before, so if it exists now
   * this run made it and deletes it like any branch it opened and then failed with.
   */
  private void deleteIfCreated(DatabaseRef db, String name, boolean keep, ApiException cause) {
    // An interrupt (an aborted build) may be why the create failed; the look-up must still run.
    Uninterrupted.run(
        () -> {
          try {
            if (client.branches().find(db, name).isEmpty()) {
              return;
            }
            events.warning(
                "creating branch "
                    + name
                    + " failed ("
                    + cause.code().id()
                    + ") but the branch exists: this run's request created it");
            cleanUp(db, name, keep, cause);
          } catch (ApiException lookup) {
            cause.addSuppressed(lookup);
            events.warning(
                "could not check whether branch "
                    + name
                    + " of "
                    + db
                    + " was created despite the failure: "
                    + lookup.getMessage()
                    + "; if it exists, delete it yourself or let the sweep remove it");
          }
        });
  }

  private Wait<Branch> readiness(DatabaseRef db, String name) {
    return new Wait<>(
        "wait-ready",
        "branch " + name + " of " + db + " to become ready",
        () -> client.branches().get(db, name),
        Branch::ready,
        b -> "state " + (b.state() == null ? "unknown" : b.state()) + ", ready=" + b.ready(),
        "raise the wait timeout (wait-timeout) if branches of this database take longer,"
            + " or check the branch in the PlanetScale dashboard");
  }

  private void cleanUp(DatabaseRef db, String name, boolean keep, RuntimeException cause) {
    if (keep) {
      events.warning(
          "opening failed; branch "
              + name
              + " was kept as asked (keep on failure): delete it"
              + " yourself or let the sweep remove it");
      return;
    }
    Uninterrupted.run(
        () -> {
          try {
            events.progress("cleanup", "deleting branch " + name + " created by this run");
            client.branches().delete(db, name);
            events.progress("cleanup", "deleted branch " + name);
          } catch (ApiException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
              cause.addSuppressed(e);
              events.warning(
                  "could not delete branch "
                      + name
                      + " of "
                      + db
                      + " after a failure: "
                      + e.getMessage()
                      + "; delete it yourself or let the sweep remove it");
            }
          }
        });
  }

  private static void validate(OpenBranchRequest r) {
    BranchNames.validate(r.branch(), "branch name");
    if (r.parentBranch() != null) {
      BranchNames.validate(r.parentBranch(), "parent branch");
      if (r.parentBranch().equals(r.branch())) {
        throw new ConfigurationException(
            "branch " + r.branch() + " cannot be its own parent: name another parent branch");
      }
    }
    if (r.passwordTtl() != null
        && (r.passwordTtl().isNegative() || r.passwordTtl().toSeconds() < 1)) {
      throw new ConfigurationException(
          "password TTL must be at least one second, got "
              + r.passwordTtl()
              + "; leave it empty for a password that does not expire");
    }
  }

  private static WorkflowException refuse(DatabaseRef db, String name, String why) {
    return new WorkflowException(
        ErrorCode.PROTECTED_BRANCH,
        "refusing to open branch "
            + name
            + " of "
            + db
            + " for CI: it "
            + why
            + "; CI must never get credentials for it. Use a CI branch name instead");
  }
}
