package io.github.planetscaleci.emulator.server;

import io.github.planetscaleci.emulator.api.Views;
import io.github.planetscaleci.emulator.service.Backend;
import io.github.planetscaleci.emulator.service.BranchService;
import io.github.planetscaleci.emulator.service.DeployService;
import io.github.planetscaleci.emulator.service.PasswordService;

/** Builds the router with every implemented endpoint. */
public final class Routes {
  private Routes() {}

  /** All routes of the emulator. */
  public static Router all(
      Backend backend,
      BranchService branches,
      PasswordService passwords,
      DeployService deploys,
      Views views) {
    Router router = new Router();
    new OrgRoutes(backend, branches, views).register(router);
    new BranchRoutes(backend, branches, views).register(router);
    new PasswordRoutes(backend, branches, passwords, views).register(router);
    new DeployRoutes(backend, branches, deploys, views).register(router);
    return router;
  }
}
