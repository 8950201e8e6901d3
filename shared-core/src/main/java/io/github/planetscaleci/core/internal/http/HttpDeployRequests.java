package io.github.planetscaleci.core.internal.http;

import static io.github.planetscaleci.core.model.DeploymentState.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.planetscaleci.core.client.CreateDeployRequest;
import io.github.planetscaleci.core.client.DeployRequestFilter;
import io.github.planetscaleci.core.client.DeployRequestsApi;
import io.github.planetscaleci.core.internal.http.ApiCall.Kind;
import io.github.planetscaleci.core.internal.json.JsonMapper;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.Deployment;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.TableDiff;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/** {@link DeployRequestsApi} over HTTP. */
final class HttpDeployRequests implements DeployRequestsApi {
  // States a deploy request can be in before it is deployed; any other means the deploy started.
  private static final Set<DeploymentState> UNDEPLOYED =
      EnumSet.of(PENDING, READY, NO_CHANGES, UNKNOWN);
  private static final Set<DeploymentState> CANCELLING =
      EnumSet.of(IN_PROGRESS_CANCEL, COMPLETE_CANCEL, CANCELLED);
  private static final Set<DeploymentState> REVERTING =
      EnumSet.of(
          IN_PROGRESS_REVERT, IN_PROGRESS_REVERT_VSCHEMA, COMPLETE_REVERT, COMPLETE_REVERT_ERROR);

  private final Api api;

  HttpDeployRequests(Api api) {
    this.api = api;
  }

  @Override
  public DeployRequest create(DatabaseRef database, CreateDeployRequest request) {
    ObjectNode body = JsonMapper.object().put("branch", request.branch());
    if (request.intoBranch() != null) {
      body.put("into_branch", request.intoBranch());
    }
    if (request.notes() != null) {
      body.put("notes", request.notes());
    }
    if (request.autoCutover() != null) {
      body.put("auto_cutover", request.autoCutover());
    }
    String into = request.intoBranch() == null ? "" : " into " + request.intoBranch();
    ApiCall call =
        Api.send(
            "POST",
            api.url(database, "deploy-requests").build(),
            body,
            "opening a deploy request from branch " + request.branch() + into + " of " + database,
            database,
            request.branch(),
            Kind.CREATE);
    return api.one(
        call,
        DeployRequest.class,
        () ->
            list(database, DeployRequestFilter.open(request.branch(), request.intoBranch()))
                .stream()
                .filter(dr -> request.branch().equals(dr.branch()))
                .findFirst());
  }

  @Override
  public DeployRequest get(DatabaseRef database, int number) {
    return api.one(
        Api.get(dr(database, number).build(), "getting " + name(database, number), database, null),
        DeployRequest.class);
  }

  @Override
  public List<DeployRequest> list(DatabaseRef database, DeployRequestFilter filter) {
    HttpUrl.Builder url = api.url(database, "deploy-requests");
    DeployRequestFilter f = filter == null ? DeployRequestFilter.all() : filter;
    if (f.state() != null) {
      url.setQueryParameter("state", f.state());
    }
    if (f.branch() != null) {
      url.setQueryParameter("branch", f.branch());
    }
    if (f.intoBranch() != null) {
      url.setQueryParameter("into_branch", f.intoBranch());
    }
    return api.all(
        url, "listing deploy requests of " + database, database, f.branch(), DeployRequest.class);
  }

  @Override
  public DeployRequest close(DatabaseRef database, int number) {
    ObjectNode body = JsonMapper.object().put("state", "closed");
    return action(database, number, "PATCH", null, body, "closing", dr -> !dr.isOpen());
  }

  @Override
  public DeployRequest deploy(DatabaseRef database, int number, boolean instantDdl) {
    ObjectNode body = JsonMapper.object().put("instant_ddl", instantDdl);
    return action(
        database,
        number,
        "POST",
        "deploy",
        body,
        "deploying",
        dr -> !UNDEPLOYED.contains(dr.deploymentState()));
  }

  @Override
  public DeployRequest applyDeploy(DatabaseRef database, int number) {
    return action(
        database,
        number,
        "POST",
        "apply-deploy",
        null,
        "applying the cutover of",
        dr -> dr.deploymentState() != PENDING_CUTOVER);
  }

  @Override
  public DeployRequest cancel(DatabaseRef database, int number) {
    return action(
        database,
        number,
        "POST",
        "cancel",
        null,
        "cancelling",
        dr -> CANCELLING.contains(dr.deploymentState()));
  }

  @Override
  public DeployRequest skipRevert(DatabaseRef database, int number) {
    return action(
        database,
        number,
        "POST",
        "skip-revert",
        null,
        "skipping the revert window of",
        dr -> dr.deploymentState() != COMPLETE_PENDING_REVERT);
  }

  @Override
  public DeployRequest revert(DatabaseRef database, int number) {
    return action(
        database,
        number,
        "POST",
        "revert",
        null,
        "reverting",
        dr -> REVERTING.contains(dr.deploymentState()));
  }

  @Override
  public List<TableDiff> diff(DatabaseRef database, int number) {
    return api.data(
        Api.get(
            dr(database, number).addPathSegment("diff").build(),
            "reading the diff of " + name(database, number),
            database,
            null),
        TableDiff.class);
  }

  @Override
  public Deployment deployment(DatabaseRef database, int number) {
    return api.one(
        Api.get(
            dr(database, number).addPathSegment("deployment").build(),
            "getting the deployment of " + name(database, number),
            database,
            null),
        Deployment.class);
  }

  /**
   * A state change. If an attempt's answer was lost it may still have happened (a deploy may be
   * queued): the request is read back and, when {@code done} holds, returned instead of repeating.
   */
  private DeployRequest action(
      DatabaseRef database,
      int number,
      String method,
      String segment,
      ObjectNode body,
      String verb,
      Predicate<DeployRequest> done) {
    HttpUrl.Builder url = dr(database, number);
    if (segment != null) {
      url.addPathSegment(segment);
    }
    ApiCall call =
        Api.send(
            method,
            url.build(),
            body,
            verb + " " + name(database, number),
            database,
            null,
            Kind.ACTION);
    return api.one(
        call, DeployRequest.class, () -> Optional.of(get(database, number)).filter(done));
  }

  private HttpUrl.Builder dr(DatabaseRef database, int number) {
    return api.url(database, "deploy-requests", Integer.toString(number));
  }

  private static String name(DatabaseRef database, int number) {
    return "deploy request #" + number + " of " + database;
  }
}
