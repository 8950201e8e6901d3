package io.github.planetscaleci.emulator.server;

import io.github.planetscaleci.emulator.api.BranchDto;
import io.github.planetscaleci.emulator.api.Common;
import io.github.planetscaleci.emulator.api.Page;
import io.github.planetscaleci.emulator.api.SchemaLintDto;
import io.github.planetscaleci.emulator.api.Views;
import io.github.planetscaleci.emulator.diff.SchemaOps.Snapshot;
import io.github.planetscaleci.emulator.service.Backend;
import io.github.planetscaleci.emulator.service.BranchService;
import io.github.planetscaleci.emulator.store.BranchState;
import io.github.planetscaleci.emulator.store.DatabaseState;
import io.github.planetscaleci.emulator.store.EmulatorState;
import java.util.ArrayList;
import java.util.List;

/** Branches, their schema, lint and diff. */
final class BranchRoutes {
  static final String BRANCHES = "/organizations/{organization}/databases/{database}/branches";
  static final String BRANCH = BRANCHES + "/{branch}";
  private final EmulatorState state;
  private final BranchService branches;
  private final Views views;

  BranchRoutes(Backend backend, BranchService branches, Views views) {
    this.state = backend.state;
    this.branches = branches;
    this.views = views;
  }

  void register(Router r) {
    r.add("GET", BRANCHES, "list_branches", this::list);
    r.add("POST", BRANCHES, "create_branch", this::create);
    r.add("GET", BRANCH, "get_branch", this::get);
    r.add("DELETE", BRANCH, "delete_branch", this::delete);
    r.add("GET", BRANCH + "/schema", "get_branch_schema", this::schema);
    r.add("GET", BRANCH + "/schema/lint", "lint_branch_schema", this::lint);
    r.add("GET", BRANCH + "/diff", "get_branch_diff", this::diff);
  }

  private Response list(Request req) {
    String org = req.param("organization");
    String dbName = req.param("database");
    DatabaseState db = branches.database(org, dbName);
    List<BranchDto> all = new ArrayList<>();
    synchronized (state) {
      for (BranchState b : db.branches.values()) {
        boolean match =
            (req.query("q") == null || b.name.contains(req.query("q")))
                && (req.query("production") == null
                    || Boolean.parseBoolean(req.query("production")) == b.production);
        if (match) {
          all.add(views.branch(db, b));
        }
      }
    }
    // Newest first unless asked otherwise, as clients of the real API assume.
    if (!"asc".equals(req.query("order"))) {
      java.util.Collections.reverse(all);
    }
    String path = "/organizations/" + org + "/databases/" + dbName + "/branches";
    return Response.ok(
        Page.of(all, req.queryInt("page", 1), req.queryInt("per_page", 25), views.api(path)));
  }

  private Response create(Request req) {
    String org = req.param("organization");
    String dbName = req.param("database");
    BranchState b =
        branches.createBranch(
            org, dbName, req.text("name"), req.text("parent_branch"), req.text("seed_data"));
    DatabaseState db = branches.database(org, dbName);
    synchronized (state) {
      return Response.created(views.branch(db, b));
    }
  }

  private Response get(Request req) {
    DatabaseState db = branches.database(req.param("organization"), req.param("database"));
    BranchState b =
        branches.branch(req.param("organization"), req.param("database"), req.param("branch"));
    synchronized (state) {
      return Response.ok(views.branch(db, b));
    }
  }

  private Response delete(Request req) {
    branches.deleteBranch(req.param("organization"), req.param("database"), req.param("branch"));
    return Response.noContent();
  }

  private Response schema(Request req) {
    Snapshot s =
        branches.schema(req.param("organization"), req.param("database"), req.param("branch"));
    List<Common.TableText> data = new ArrayList<>();
    s.tables().forEach((name, raw) -> data.add(Views.tableText(name, raw)));
    return Response.ok(new Common.Data<>(data));
  }

  private Response lint(Request req) {
    String org = req.param("organization");
    String dbName = req.param("database");
    List<SchemaLintDto> all =
        branches.lint(org, dbName, req.param("branch")).stream()
            .map(l -> views.schemaLint(dbName, l))
            .toList();
    String path =
        "/organizations/"
            + org
            + "/databases/"
            + dbName
            + "/branches/"
            + req.param("branch")
            + "/schema/lint";
    return Response.ok(
        Page.of(all, req.queryInt("page", 1), req.queryInt("per_page", 25), views.api(path)));
  }

  private Response diff(Request req) {
    List<Common.TableText> data =
        branches
            .diff(req.param("organization"), req.param("database"), req.param("branch"))
            .tables()
            .stream()
            .map(t -> Views.tableText(t.table(), t.raw()))
            .toList();
    return Response.ok(new Common.Data<>(data));
  }
}
