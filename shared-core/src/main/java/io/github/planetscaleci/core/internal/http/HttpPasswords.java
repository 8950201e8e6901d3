package io.github.planetscaleci.core.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.planetscaleci.core.client.CreatePasswordRequest;
import io.github.planetscaleci.core.client.PasswordsApi;
import io.github.planetscaleci.core.internal.http.ApiCall.Kind;
import io.github.planetscaleci.core.internal.json.JsonMapper;
import io.github.planetscaleci.core.model.BranchPassword;
import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link PasswordsApi} over HTTP. */
final class HttpPasswords implements PasswordsApi {
  private final Api api;

  HttpPasswords(Api api) {
    this.api = api;
  }

  @Override
  public BranchPassword create(DatabaseRef database, String branch, CreatePasswordRequest request) {
    Objects.requireNonNull(branch, "branch");
    ObjectNode body =
        JsonMapper.object().put("name", request.name()).put("role", request.role().apiValue());
    if (request.ttl() != null) {
      body.put("ttl", request.ttl().toSeconds());
    }
    ApiCall call =
        Api.send(
            "POST",
            api.url(database, "branches", branch, "passwords").build(),
            body,
            "creating password " + request.name() + " on branch " + branch + " of " + database,
            database,
            branch,
            Kind.CREATE);
    return api.one(call, BranchPassword.class, () -> dropOrphans(database, branch, request.name()));
  }

  // A password created by an attempt whose answer was lost is useless (its secret is shown only
  // once) and would linger as a live credential: delete it, then let the create run again.
  private Optional<BranchPassword> dropOrphans(DatabaseRef database, String branch, String name) {
    for (BranchPassword p : named(database, branch, name)) {
      delete(database, branch, p.id());
    }
    return Optional.empty();
  }

  private List<BranchPassword> named(DatabaseRef database, String branch, String name) {
    return api
        .all(
            api.url(database, "branches", branch, "passwords").setQueryParameter("q", name),
            "looking for password " + name + " on branch " + branch + " of " + database,
            database,
            branch,
            BranchPassword.class)
        .stream()
        .filter(p -> name.equals(p.name()) && p.id() != null)
        .toList();
  }

  @Override
  public List<BranchPassword> list(DatabaseRef database, String branch) {
    Objects.requireNonNull(branch, "branch");
    return api.all(
        api.url(database, "branches", branch, "passwords"),
        "listing passwords of branch " + branch + " of " + database,
        database,
        branch,
        BranchPassword.class);
  }

  @Override
  public void delete(DatabaseRef database, String branch, String passwordId) {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(passwordId, "passwordId");
    api.none(
        Api.send(
            "DELETE",
            api.url(database, "branches", branch, "passwords", passwordId).build(),
            null,
            "deleting password " + passwordId + " of branch " + branch + " of " + database,
            database,
            branch,
            Kind.DELETE));
  }
}
