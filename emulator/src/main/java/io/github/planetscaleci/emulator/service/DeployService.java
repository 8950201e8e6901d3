package io.github.planetscaleci.emulator.service;

import io.github.planetscaleci.emulator.mysql.Secrets;
import io.github.planetscaleci.emulator.store.BranchState;
import io.github.planetscaleci.emulator.store.DatabaseState;
import io.github.planetscaleci.emulator.store.DeployRequestState;
import io.github.planetscaleci.emulator.store.EmulatorState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Deploy requests: creation with the real API's checks, and the actions on a deployment. */
public final class DeployService {
  private final EmulatorState state;
  private final BranchService branches;
  private final DeployRunner runner;

  public DeployService(Backend backend, BranchService branches) {
    this.state = backend.state;
    this.branches = branches;
    this.runner = new DeployRunner(backend, this::afterComplete);
  }

  /** Request body of create_deploy_request. */
  public record CreateRequest(
      String branch,
      String intoBranch,
      String notes,
      Boolean autoCutover,
      Boolean autoDeleteBranch) {}

  /** Opens a deploy request; validation runs asynchronously. */
  public DeployRequestState create(String org, String dbName, CreateRequest request) {
    DatabaseState db = branches.database(org, dbName);
    if (request.branch() == null || request.branch().isEmpty()) {
      throw ApiException.unprocessable("Branch can't be blank");
    }
    DeployRequestState dr;
    synchronized (state) {
      BranchState source = db.branch(request.branch());
      if (source == null) {
        throw ApiException.notFound();
      }
      String into =
          request.intoBranch() != null && !request.intoBranch().isEmpty()
              ? request.intoBranch()
              : source.parent != null ? source.parent : db.defaultBranch;
      BranchState target = db.branch(into);
      if (target == null) {
        throw ApiException.notFound();
      }
      if (into.equals(source.name)) {
        throw ApiException.unprocessable("A branch cannot be deployed into itself.");
      }
      if (!target.production) {
        throw ApiException.unprocessable(
            "Database branch " + into + " is not a production branch.");
      }
      if (!target.safeMigrations) {
        throw ApiException.unprocessable(
            "Database branch " + into + " does not have safe migrations enabled.");
      }
      if (!source.ready) {
        throw ApiException.unprocessable("Branch " + source.name + " is not ready yet");
      }
      boolean openExists =
          db.deployRequests.stream()
              .anyMatch(
                  d ->
                      d.state.equals("open")
                          && d.branchId.equals(source.id)
                          && d.intoBranch.equals(into));
      if (openExists) {
        throw ApiException.unprocessable(
            "An open deploy request for branch "
                + source.name
                + " into "
                + into
                + " already exists.");
      }
      dr =
          new DeployRequestState(
              Secrets.id(),
              db.nextDeployRequestNumber++,
              source.name,
              source.id,
              into,
              request.notes() == null ? "" : request.notes(),
              Secrets.id(),
              Instant.now());
      dr.autoCutover = request.autoCutover() == null || request.autoCutover();
      dr.autoDeleteBranch = Boolean.TRUE.equals(request.autoDeleteBranch());
      db.deployRequests.add(dr);
    }
    runner.validate(db, dr);
    return dr;
  }

  /** Deploy requests newest first, filtered like list_deploy_requests. */
  public List<DeployRequestState> list(
      String org, String dbName, String stateFilter, String branch, String into) {
    DatabaseState db = branches.database(org, dbName);
    synchronized (state) {
      List<DeployRequestState> result = new ArrayList<>();
      for (DeployRequestState d : db.deployRequests) {
        boolean stateOk =
            stateFilter == null
                || stateFilter.isEmpty()
                || (stateFilter.equals("deployed")
                    ? d.deployedAt != null && !d.deploymentState.contains("revert")
                    : d.state.equals(stateFilter));
        if (stateOk
            && (branch == null || branch.equals(d.branch))
            && (into == null || into.equals(d.intoBranch))) {
          result.add(d);
        }
      }
      Collections.reverse(result);
      return result;
    }
  }

  /** One deploy request by number, or 404. */
  public DeployRequestState get(String org, String dbName, int number) {
    DatabaseState db = branches.database(org, dbName);
    synchronized (state) {
      DeployRequestState d = db.deployRequest(number);
      if (d == null) {
        throw ApiException.notFound();
      }
      return d;
    }
  }

  /** Deploys ahead of this one in its target's queue. */
  public List<DeployRequestState> preceding(String org, String dbName, DeployRequestState dr) {
    return runner.preceding(branches.database(org, dbName), dr);
  }

  /** Closes an open deploy request that is not being deployed. */
  public DeployRequestState close(String org, String dbName, int number) {
    DeployRequestState dr = get(org, dbName, number);
    synchronized (state) {
      if (dr.inQueue()) {
        throw ApiException.unprocessable(
            "A deploy request cannot be closed while it is being deployed.");
      }
      if (dr.state.equals("open")) {
        dr.state = "closed";
        dr.closedAt = Instant.now();
        dr.updatedAt = dr.closedAt;
      }
    }
    return dr;
  }

  /** Queues a validated deploy request (or one whose earlier deploy was cancelled). */
  public DeployRequestState deploy(String org, String dbName, int number, boolean instantDdl) {
    DeployRequestState dr = get(org, dbName, number);
    synchronized (state) {
      requireOpen(dr);
      if (!Set.of("ready", "complete_cancel").contains(dr.deploymentState)) {
        throw ApiException.unprocessable(notDeployable(dr));
      }
      dr.instantDdl = instantDdl;
    }
    runner.enqueue(branches.database(org, dbName), dr);
    return dr;
  }

  /** Cuts over a gated deploy waiting in pending_cutover. */
  public DeployRequestState applyDeploy(String org, String dbName, int number) {
    DeployRequestState dr =
        requireState(org, dbName, number, "pending_cutover", "is not waiting for cutover");
    runner.cutover(branches.database(org, dbName), dr);
    return dr;
  }

  /** Cancels a deploy that has not cut over yet. */
  public DeployRequestState cancel(String org, String dbName, int number) {
    DeployRequestState dr = get(org, dbName, number);
    synchronized (state) {
      if (!Set.of("queued", "submitting", "in_progress", "pending_cutover")
          .contains(dr.deploymentState)) {
        throw ApiException.unprocessable(
            "Deploy request #"
                + number
                + " cannot be cancelled in state "
                + dr.deploymentState
                + ".");
      }
    }
    runner.cancel(branches.database(org, dbName), dr);
    return dr;
  }

  /** Ends the revert window early. */
  public DeployRequestState skipRevert(String org, String dbName, int number) {
    DeployRequestState dr =
        requireState(org, dbName, number, "complete_pending_revert", "is not in its revert window");
    runner.complete(branches.database(org, dbName), dr);
    return dr;
  }

  /** Reverts a deploy during its revert window. */
  public DeployRequestState revert(String org, String dbName, int number) {
    DeployRequestState dr =
        requireState(org, dbName, number, "complete_pending_revert", "is not in its revert window");
    runner.revert(branches.database(org, dbName), dr);
    return dr;
  }

  private DeployRequestState requireState(
      String org, String dbName, int number, String expected, String problem) {
    DeployRequestState dr = get(org, dbName, number);
    synchronized (state) {
      if (!dr.deploymentState.equals(expected)) {
        throw ApiException.unprocessable("Deploy request #" + number + " " + problem + ".");
      }
    }
    return dr;
  }

  private static void requireOpen(DeployRequestState dr) {
    if (!dr.state.equals("open")) {
      throw ApiException.unprocessable("Deploy request #" + dr.number + " is closed.");
    }
  }

  private static String notDeployable(DeployRequestState dr) {
    return switch (dr.deploymentState) {
      case "pending" -> "Deploy request #" + dr.number + " is still being validated.";
      case "no_changes" -> "Deploy request #" + dr.number + " has no schema changes to deploy.";
      case "error" -> "Deploy request #" + dr.number + " has errors and cannot be deployed.";
      default -> "Deploy request #" + dr.number + " is already " + dr.deploymentState + ".";
    };
  }

  private void afterComplete(DeployRequestState dr) {
    if (dr.autoDeleteBranch && !dr.branchDeleted) {
      String[] key = findDatabaseKey(dr);
      if (key != null) {
        try {
          branches.deleteBranch(key[0], key[1], dr.branch);
        } catch (ApiException e) {
          // Already gone; nothing to clean up.
        }
      }
    }
  }

  private String[] findDatabaseKey(DeployRequestState dr) {
    synchronized (state) {
      return state.databases.values().stream()
          .filter(db -> db.deployRequests.contains(dr))
          .findFirst()
          .map(db -> new String[] {db.org, db.name})
          .orElse(null);
    }
  }
}
