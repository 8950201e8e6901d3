package io.github.planetscaleci.jenkins;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The deploy requests a build opened for a preview that it means to close again, saved with the
 * build the moment the API confirms each one, so that {@link SafetyNet} closes a request a
 * hard-killed build left open. Only requests this build created are recorded; no secret is held.
 */
public final class PreviewRequestsAction extends InvisibleAction {
  private final List<Request> requests = new ArrayList<>();

  /** The action of {@code run}, added if missing. */
  static synchronized PreviewRequestsAction of(Run<?, ?> run) {
    PreviewRequestsAction a = run.getAction(PreviewRequestsAction.class);
    if (a == null) {
      a = new PreviewRequestsAction();
      run.addAction(a);
    }
    return a;
  }

  /** Records a request this build just opened; saves the build. */
  Request opened(Run<?, ?> run, Request request) {
    synchronized (this) {
      requests.add(request);
    }
    BranchLeasesAction.save(run);
    return request;
  }

  /** Records that the step itself finished with the request (closed it or chose to keep it). */
  void settled(Run<?, ?> run, String id) {
    synchronized (this) {
      for (Request r : requests) {
        if (r.id.equals(id)) {
          r.open = false;
        }
      }
    }
    BranchLeasesAction.save(run);
  }

  /** Copies of the requests the step has not settled. */
  synchronized List<Request> unsettled() {
    List<Request> out = new ArrayList<>();
    for (Request r : requests) {
      if (r.open) {
        out.add(r.copy());
      }
    }
    return out;
  }

  /** One deploy request; plain fields so that Jenkins' XStream writes it into build.xml. */
  static final class Request {
    final String id;
    final String organization;
    final String database;
    final String branch;
    final int number;
    final String apiUrl;
    final String credentialsId;
    boolean open = true;

    Request(
        String organization,
        String database,
        String branch,
        int number,
        String apiUrl,
        String credentialsId) {
      this(
          UUID.randomUUID().toString(),
          organization,
          database,
          branch,
          number,
          apiUrl,
          credentialsId);
    }

    private Request(
        String id,
        String organization,
        String database,
        String branch,
        int number,
        String apiUrl,
        String credentialsId) {
      this.id = id;
      this.organization = organization;
      this.database = database;
      this.branch = branch;
      this.number = number;
      this.apiUrl = apiUrl;
      this.credentialsId = credentialsId;
    }

    DatabaseRef databaseRef() {
      return new DatabaseRef(organization, database);
    }

    Request copy() {
      Request c = new Request(id, organization, database, branch, number, apiUrl, credentialsId);
      c.open = open;
      return c;
    }

    @Override
    public String toString() {
      return organization + "/" + database + " deploy request #" + number + " of branch " + branch;
    }
  }
}
