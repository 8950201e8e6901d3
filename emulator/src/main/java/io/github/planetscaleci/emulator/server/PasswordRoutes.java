package io.github.planetscaleci.emulator.server;

import io.github.planetscaleci.emulator.api.Page;
import io.github.planetscaleci.emulator.api.PasswordDto;
import io.github.planetscaleci.emulator.api.Views;
import io.github.planetscaleci.emulator.service.Backend;
import io.github.planetscaleci.emulator.service.BranchService;
import io.github.planetscaleci.emulator.service.PasswordService;
import io.github.planetscaleci.emulator.store.BranchState;
import io.github.planetscaleci.emulator.store.DatabaseState;
import io.github.planetscaleci.emulator.store.EmulatorState;
import io.github.planetscaleci.emulator.store.PasswordState;
import java.util.List;

/** Branch passwords. */
final class PasswordRoutes {
  private static final String PASSWORDS = BranchRoutes.BRANCH + "/passwords";
  private final EmulatorState state;
  private final BranchService branches;
  private final PasswordService passwords;
  private final Views views;

  PasswordRoutes(Backend backend, BranchService branches, PasswordService passwords, Views views) {
    this.state = backend.state;
    this.branches = branches;
    this.passwords = passwords;
    this.views = views;
  }

  void register(Router r) {
    r.add("POST", PASSWORDS, "create_password", this::create);
    r.add("GET", PASSWORDS, "list_passwords", this::list);
    r.add("GET", PASSWORDS + "/{id}", "get_password", this::get);
    r.add("DELETE", PASSWORDS + "/{id}", "delete_password", this::delete);
  }

  private BranchState branch(Request req) {
    return branches.branch(req.param("organization"), req.param("database"), req.param("branch"));
  }

  private Response create(Request req) {
    DatabaseState db = branches.database(req.param("organization"), req.param("database"));
    BranchState b = branch(req);
    PasswordService.Created created =
        passwords.create(db.key(), b, req.text("name"), req.text("role"), req.number("ttl"));
    synchronized (state) {
      return Response.created(views.password(b, created.password(), created.plainText()));
    }
  }

  private Response list(Request req) {
    BranchState b = branch(req);
    String status = req.query("status");
    List<PasswordDto> all;
    synchronized (state) {
      all =
          passwords.list(b).stream()
              .filter(p -> status == null || status.equals(p.expired ? "expired" : "active"))
              .map(p -> views.password(b, p, null))
              .toList();
    }
    String path =
        "/organizations/"
            + req.param("organization")
            + "/databases/"
            + req.param("database")
            + "/branches/"
            + req.param("branch")
            + "/passwords";
    return Response.ok(
        Page.of(all, req.queryInt("page", 1), req.queryInt("per_page", 25), views.api(path)));
  }

  private Response get(Request req) {
    BranchState b = branch(req);
    PasswordState p = passwords.get(b, req.param("id"));
    synchronized (state) {
      return Response.ok(views.password(b, p, null));
    }
  }

  private Response delete(Request req) {
    passwords.delete(branch(req), req.param("id"));
    return Response.noContent();
  }
}
