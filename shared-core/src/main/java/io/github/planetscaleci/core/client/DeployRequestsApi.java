package io.github.planetscaleci.core.client;

import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.Deployment;
import io.github.planetscaleci.core.model.TableDiff;
import java.util.List;

/** Deploy request endpoints; deploy requests are addressed by their per-database number. */
public interface DeployRequestsApi {
  /**
   * Opens a deploy request (201). If an attempt fails after it may have reached the server, an open
   * request for the same branch and target is looked up before trying again.
   */
  DeployRequest create(DatabaseRef database, CreateDeployRequest request);

  DeployRequest get(DatabaseRef database, int number);

  /** Every matching deploy request, reading every page. */
  List<DeployRequest> list(DatabaseRef database, DeployRequestFilter filter);

  /** {@code PATCH {"state":"closed"}}. */
  DeployRequest close(DatabaseRef database, int number);

  /** Queues the deploy ({@code POST .../deploy}). */
  DeployRequest deploy(DatabaseRef database, int number, boolean instantDdl);

  /** Applies a gated deploy waiting in {@code pending_cutover}. */
  DeployRequest applyDeploy(DatabaseRef database, int number);

  DeployRequest cancel(DatabaseRef database, int number);

  DeployRequest skipRevert(DatabaseRef database, int number);

  DeployRequest revert(DatabaseRef database, int number);

  /** The schema diff per table ({@code GET .../diff}, not in the OpenAPI spec). */
  List<TableDiff> diff(DatabaseRef database, int number);

  Deployment deployment(DatabaseRef database, int number);
}
