package io.github.planetscaleci.core.client;

import io.github.planetscaleci.core.model.Database;
import io.github.planetscaleci.core.model.DatabaseRef;

/** Database endpoints. */
public interface DatabasesApi {
  /** {@code GET /organizations/{org}/databases/{db}}. */
  Database get(DatabaseRef database);
}
