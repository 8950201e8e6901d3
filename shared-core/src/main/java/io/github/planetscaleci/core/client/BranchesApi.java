package io.github.planetscaleci.core.client;

import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Branch endpoints. Every method throws {@link io.github.planetscaleci.core.error.ApiException}.
 */
public interface BranchesApi {
  /** Every branch, reading every page. */
  List<Branch> list(DatabaseRef database);

  /** The branch, or empty on 404. */
  Optional<Branch> find(DatabaseRef database, String branch);

  /** The branch; 404 is an error naming the organization, database and branch. */
  Branch get(DatabaseRef database, String branch);

  /**
   * Creates a branch (201). Never blindly repeated: when an attempt fails after it may have reached
   * the server, the branch is looked up before trying again, and returned if it exists.
   */
  Branch create(DatabaseRef database, CreateBranchRequest request);

  /** Deletes the branch (204). A 404 throws with code NOT_FOUND. */
  void delete(DatabaseRef database, String branch);

  /** The branch schema: one CREATE TABLE per table. */
  List<TableDefinition> schema(DatabaseRef database, String branch);

  /** Lint errors of the branch schema, reading every page. */
  List<LintError> lint(DatabaseRef database, String branch);
}
