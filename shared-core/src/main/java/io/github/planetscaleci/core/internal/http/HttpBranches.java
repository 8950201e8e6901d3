package io.github.planetscaleci.core.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.planetscaleci.core.client.BranchesApi;
import io.github.planetscaleci.core.client.CreateBranchRequest;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.internal.http.ApiCall.Kind;
import io.github.planetscaleci.core.internal.json.JsonMapper;
import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link BranchesApi} over HTTP. */
final class HttpBranches implements BranchesApi {
  private final Api api;

  HttpBranches(Api api) {
    this.api = api;
  }

  @Override
  public List<Branch> list(DatabaseRef database) {
    return api.all(
        api.url(database, "branches"),
        "listing branches of " + database,
        database,
        null,
        Branch.class);
  }

  @Override
  public Optional<Branch> find(DatabaseRef database, String branch) {
    try {
      return Optional.of(get(database, branch));
    } catch (ApiException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Branch get(DatabaseRef database, String branch) {
    Objects.requireNonNull(branch, "branch");
    return api.one(
        Api.get(
            api.url(database, "branches", branch).build(),
            "getting branch " + branch + " of " + database,
            database,
            branch),
        Branch.class);
  }

  @Override
  public Branch create(DatabaseRef database, CreateBranchRequest request) {
    ObjectNode body = JsonMapper.object().put("name", request.name());
    if (request.parentBranch() != null) {
      body.put("parent_branch", request.parentBranch());
    }
    if (request.seedData()) {
      body.put("seed_data", "last_successful_backup");
    }
    if (request.region() != null) {
      body.put("region", request.region());
    }
    ApiCall call =
        Api.send(
            "POST",
            api.url(database, "branches").build(),
            body,
            "creating branch " + request.name() + " of " + database,
            database,
            request.parentBranch(),
            Kind.CREATE);
    // The lost answer of an earlier attempt may have created it: look before creating twice.
    return api.one(call, Branch.class, () -> find(database, request.name()));
  }

  @Override
  public void delete(DatabaseRef database, String branch) {
    Objects.requireNonNull(branch, "branch");
    api.none(
        Api.send(
            "DELETE",
            api.url(database, "branches", branch).build(),
            null,
            "deleting branch " + branch + " of " + database,
            database,
            branch,
            Kind.DELETE));
  }

  @Override
  public List<TableDefinition> schema(DatabaseRef database, String branch) {
    Objects.requireNonNull(branch, "branch");
    return api.data(
        Api.get(
            api.url(database, "branches", branch, "schema").build(),
            "reading the schema of branch " + branch + " of " + database,
            database,
            branch),
        TableDefinition.class);
  }

  @Override
  public List<LintError> lint(DatabaseRef database, String branch) {
    Objects.requireNonNull(branch, "branch");
    return api.all(
        api.url(database, "branches", branch, "schema", "lint"),
        "linting the schema of branch " + branch + " of " + database,
        database,
        branch,
        LintError.class);
  }
}
