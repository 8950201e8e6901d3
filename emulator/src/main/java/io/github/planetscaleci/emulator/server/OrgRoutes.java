package io.github.planetscaleci.emulator.server;

import io.github.planetscaleci.emulator.api.DatabaseDto;
import io.github.planetscaleci.emulator.api.OrganizationDto;
import io.github.planetscaleci.emulator.api.Page;
import io.github.planetscaleci.emulator.api.Views;
import io.github.planetscaleci.emulator.service.ApiException;
import io.github.planetscaleci.emulator.service.Backend;
import io.github.planetscaleci.emulator.service.BranchService;
import io.github.planetscaleci.emulator.store.DatabaseState;
import io.github.planetscaleci.emulator.store.EmulatorState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Organizations and databases. */
final class OrgRoutes {
  private final EmulatorState state;
  private final BranchService branches;
  private final Views views;

  OrgRoutes(Backend backend, BranchService branches, Views views) {
    this.state = backend.state;
    this.branches = branches;
    this.views = views;
  }

  void register(Router r) {
    r.add("GET", "/organizations", "list_organizations", this::listOrganizations);
    r.add("GET", "/organizations/{organization}", "get_organization", this::getOrganization);
    r.add("GET", "/organizations/{organization}/databases", "list_databases", this::listDatabases);
    r.add(
        "POST", "/organizations/{organization}/databases", "create_database", this::createDatabase);
    r.add(
        "GET",
        "/organizations/{organization}/databases/{database}",
        "get_database",
        this::getDatabase);
  }

  private Response listOrganizations(Request req) {
    List<OrganizationDto> all = new ArrayList<>();
    synchronized (state) {
      for (Map.Entry<String, java.time.Instant> org : state.organizations.entrySet()) {
        all.add(organization(org.getKey()));
      }
    }
    return Response.ok(page(all, req, "/organizations"));
  }

  private Response getOrganization(Request req) {
    synchronized (state) {
      if (!state.organizations.containsKey(req.param("organization"))) {
        throw ApiException.notFound();
      }
      return Response.ok(organization(req.param("organization")));
    }
  }

  private OrganizationDto organization(String name) {
    int count = (int) state.databases.values().stream().filter(d -> d.org.equals(name)).count();
    return views.organization(
        state.organizationIds.get(name), name, state.organizations.get(name), count);
  }

  private Response listDatabases(Request req) {
    String org = req.param("organization");
    List<DatabaseDto> all = new ArrayList<>();
    synchronized (state) {
      if (!state.organizations.containsKey(org)) {
        throw ApiException.notFound();
      }
      state.databases.values().stream()
          .filter(d -> d.org.equals(org))
          .forEach(d -> all.add(views.database(d)));
    }
    return Response.ok(page(all, req, "/organizations/" + org + "/databases"));
  }

  private Response createDatabase(Request req) {
    String org = req.param("organization");
    synchronized (state) {
      if (!state.organizations.containsKey(org)) {
        throw ApiException.notFound();
      }
    }
    DatabaseState db = branches.createDatabase(org, req.text("name"), null);
    synchronized (state) {
      return Response.created(views.database(db));
    }
  }

  private Response getDatabase(Request req) {
    DatabaseState db = branches.database(req.param("organization"), req.param("database"));
    synchronized (state) {
      return Response.ok(views.database(db));
    }
  }

  private <T> Page<T> page(List<T> all, Request req, String path) {
    return Page.of(all, req.queryInt("page", 1), req.queryInt("per_page", 25), views.api(path));
  }
}
