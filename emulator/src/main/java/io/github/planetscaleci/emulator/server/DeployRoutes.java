package io.github.planetscaleci.emulator.server;

import io.github.planetscaleci.emulator.api.Common;
import io.github.planetscaleci.emulator.api.DeployRequestDto;
import io.github.planetscaleci.emulator.api.DeployViews;
import io.github.planetscaleci.emulator.api.Page;
import io.github.planetscaleci.emulator.api.Views;
import io.github.planetscaleci.emulator.service.ApiException;
import io.github.planetscaleci.emulator.service.Backend;
import io.github.planetscaleci.emulator.service.BranchService;
import io.github.planetscaleci.emulator.service.DeployService;
import io.github.planetscaleci.emulator.store.DatabaseState;
import io.github.planetscaleci.emulator.store.DeployRequestState;
import io.github.planetscaleci.emulator.store.EmulatorState;
import java.util.List;

/** Deploy requests and their deployment. */
final class DeployRoutes {
  private static final String DRS =
      "/organizations/{organization}/databases/{database}/deploy-requests";
  private static final String DR = DRS + "/{number}";
  private final EmulatorState state;
  private final BranchService branches;
  private final DeployService deploys;
  private final Views views;
  private final DeployViews deployViews;

  DeployRoutes(Backend backend, BranchService branches, DeployService deploys, Views views) {
    this.state = backend.state;
    this.branches = branches;
    this.deploys = deploys;
    this.views = views;
    this.deployViews = new DeployViews(views);
  }

  void register(Router r) {
    r.add("GET", DRS, "list_deploy_requests", this::list);
    r.add("POST", DRS, "create_deploy_request", this::create);
    r.add("GET", DR, "get_deploy_request", req -> Response.ok(render(req, get(req))));
    r.add("PATCH", DR, "close_deploy_request", this::close);
    r.add("POST", DR + "/deploy", "queue_deploy_request", this::deploy);
    r.add(
        "POST",
        DR + "/apply-deploy",
        "complete_gated_deploy_request",
        req -> action(req, deploys::applyDeploy));
    r.add("POST", DR + "/cancel", "cancel_deploy_request", req -> action(req, deploys::cancel));
    r.add(
        "POST", DR + "/skip-revert", "skip_revert_period", req -> action(req, deploys::skipRevert));
    r.add("POST", DR + "/revert", "complete_revert", req -> action(req, deploys::revert));
    r.add("GET", DR + "/deployment", "get_deployment", this::deployment);
    r.add("GET", DR + "/diff", "get_deploy_request_diff", this::diff);
  }

  /** A deploy request action taking org, database and number. */
  private interface Action {
    DeployRequestState apply(String org, String db, int number);
  }

  private Response action(Request req, Action action) {
    return Response.ok(
        render(req, action.apply(req.param("organization"), req.param("database"), req.number())));
  }

  private DeployRequestState get(Request req) {
    return deploys.get(req.param("organization"), req.param("database"), req.number());
  }

  private DeployRequestDto render(Request req, DeployRequestState dr) {
    String org = req.param("organization");
    String dbName = req.param("database");
    DatabaseState db = branches.database(org, dbName);
    List<DeployRequestState> ahead = deploys.preceding(org, dbName, dr);
    synchronized (state) {
      return deployViews.deployRequest(db, dr, ahead);
    }
  }

  private Response list(Request req) {
    String org = req.param("organization");
    String dbName = req.param("database");
    List<DeployRequestDto> all =
        deploys
            .list(org, dbName, req.query("state"), req.query("branch"), req.query("into_branch"))
            .stream()
            .map(dr -> render(req, dr))
            .toList();
    String path = "/organizations/" + org + "/databases/" + dbName + "/deploy-requests";
    return Response.ok(
        Page.of(all, req.queryInt("page", 1), req.queryInt("per_page", 25), views.api(path)));
  }

  private Response create(Request req) {
    DeployService.CreateRequest body =
        new DeployService.CreateRequest(
            req.text("branch"),
            req.text("into_branch"),
            req.text("notes"),
            req.bool("auto_cutover"),
            req.bool("auto_delete_branch"));
    return Response.created(
        render(req, deploys.create(req.param("organization"), req.param("database"), body)));
  }

  private Response close(Request req) {
    if (!"closed".equals(req.text("state"))) {
      throw ApiException.unprocessable("Only {\"state\": \"closed\"} is supported");
    }
    return action(req, deploys::close);
  }

  private Response deploy(Request req) {
    boolean instant = Boolean.TRUE.equals(req.bool("instant_ddl"));
    return action(req, (org, db, n) -> deploys.deploy(org, db, n, instant));
  }

  private Response deployment(Request req) {
    DeployRequestState dr = get(req);
    DatabaseState db = branches.database(req.param("organization"), req.param("database"));
    List<DeployRequestState> ahead =
        deploys.preceding(req.param("organization"), req.param("database"), dr);
    synchronized (state) {
      return Response.ok(deployViews.deployment(db, dr, ahead));
    }
  }

  private Response diff(Request req) {
    DeployRequestState dr = get(req);
    synchronized (state) {
      return Response.ok(
          new Common.Data<>(
              dr.diff.stream().map(t -> Views.tableText(t.table(), t.raw())).toList()));
    }
  }
}
