package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.CreatePasswordRequest;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.WorkflowException;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.model.BranchPassword;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.PasswordBranch;
import io.github.planetscaleci.core.model.PasswordRole;
import java.time.Duration;
import java.util.Random;

/**
 * Issues a password on a branch, has its secrets masked at once, and proves it belongs to that
 * branch before anyone sees a URL: a peer tool once handed out production's URL for a CI branch.
 *
 * <p>If anything fails after the password exists, the password is deleted before the error
 * propagates, so the caller never has to clean up after this class.
 */
final class PasswordIssuer {
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final PlanetScaleClient client;
  private final Events events;
  private final Random random;

  PasswordIssuer(PlanetScaleClient client, Events events, Random random) {
    this.client = client;
    this.events = events;
    this.random = random;
  }

  /** The password's id and the connection it grants. */
  record Issued(String passwordId, BranchConnection connection) {}

  Issued issue(
      DatabaseRef db, String branch, boolean branchIsProduction, PasswordRole role, Duration ttl) {
    String name = branch + "-" + randomSuffix();
    events.progress("password", "creating " + role.apiValue() + " password " + name);
    BranchPassword password;
    try {
      password = client.passwords().create(db, branch, new CreatePasswordRequest(name, role, ttl));
    } catch (ApiException e) {
      if (Outcomes.unknown(e)) {
        deleteNamed(db, branch, name, e);
      }
      throw e;
    }
    events.mask(password.plainText());
    events.created(WorkflowEvent.CreatedResource.PASSWORD, db, branch, password.id());
    try {
      verify(db, branch, branchIsProduction, password);
      BranchConnection connection = connection(db, branch, password);
      String url = connection.mysqlUrl();
      events.mask(url);
      String encoded = ConnectionUrls.encode(password.plainText());
      if (!encoded.equals(password.plainText())) {
        events.mask(encoded);
      }
      events.progress(
          "password",
          "password "
              + name
              + " verified for branch "
              + branch
              + "; user "
              + connection.username()
              + " at "
              + connection.host()
              + ":"
              + connection.port());
      return new Issued(password.id(), connection);
    } catch (RuntimeException e) {
      delete(db, branch, password, e);
      throw e;
    }
  }

  private void verify(
      DatabaseRef db, String branch, boolean branchIsProduction, BranchPassword password) {
    PasswordBranch owner = password.databaseBranch();
    if (owner != null && owner.name() != null) {
      if (!branch.equals(owner.name())) {
        throw mismatch(
            db, branch, "branch " + owner.name() + (owner.production() ? " (production)" : ""));
      }
    } else {
      // The response did not name its branch: accept it only if the branch's own list has it.
      boolean listed =
          client.passwords().list(db, branch).stream()
              .anyMatch(p -> password.id() != null && password.id().equals(p.id()));
      if (!listed) {
        throw mismatch(
            db, branch, "no branch it names, and branch " + branch + " does not list it");
      }
    }
    if (owner != null && owner.production() && !branchIsProduction) {
      throw mismatch(db, branch, "a production branch");
    }
    if (password.plainText() == null || password.plainText().isEmpty()) {
      throw new WorkflowException(
          ErrorCode.SERVER_ERROR,
          "the password created on branch "
              + branch
              + " of "
              + db
              + " came back without its secret");
    }
  }

  private BranchConnection connection(DatabaseRef db, String branch, BranchPassword password) {
    if (password.accessHostUrl() == null
        || password.accessHostUrl().isBlank()
        || password.username() == null) {
      throw new WorkflowException(
          ErrorCode.SERVER_ERROR,
          "the password created on branch "
              + branch
              + " of "
              + db
              + " names no host (access_host_url) or user name; cannot build a connection");
    }
    ConnectionUrls.HostPort hp;
    try {
      hp = ConnectionUrls.parseHost(password.accessHostUrl());
    } catch (RuntimeException e) {
      throw new WorkflowException(ErrorCode.SERVER_ERROR, e.getMessage(), e);
    }
    String database =
        password.databaseName() == null || password.databaseName().isBlank()
            ? db.database()
            : password.databaseName();
    return new BranchConnection(
        hp.host(),
        hp.port(),
        password.username(),
        password.plainText(),
        database,
        branch,
        !ConnectionUrls.isLoopback(hp.host()));
  }

  private WorkflowException mismatch(DatabaseRef db, String branch, String actualOwner) {
    return new WorkflowException(
        ErrorCode.CREDENTIAL_MISMATCH,
        "the password issued for branch "
            + branch
            + " of "
            + db
            + " belongs to "
            + actualOwner
            + "; it was deleted and no credentials were handed out. This is an API fault:"
            + " do not retry blindly, check the branch in the PlanetScale dashboard and report it");
  }

  private void delete(DatabaseRef db, String branch, BranchPassword password, RuntimeException e) {
    if (password.id() == null) {
      return;
    }
    Uninterrupted.run(
        () -> {
          deleteOne(db, branch, password.name(), password.id(), e);
        });
  }

  /**
   * After a create whose outcome is unknown: a password of this run's unique name can only be the
   * one that create made, and its secret was never seen, so it is deleted before it lingers.
   */
  private void deleteNamed(DatabaseRef db, String branch, String name, ApiException cause) {
    Uninterrupted.run(
        () -> {
          try {
            for (BranchPassword p : client.passwords().list(db, branch)) {
              if (name.equals(p.name()) && p.id() != null) {
                deleteOne(db, branch, name, p.id(), cause);
              }
            }
          } catch (ApiException lookup) {
            cause.addSuppressed(lookup);
            events.warning(
                "could not check whether password "
                    + name
                    + " was created on branch "
                    + branch
                    + " despite the failure: "
                    + lookup.getMessage()
                    + "; if it exists, delete it in PlanetScale");
          }
        });
  }

  private void deleteOne(
      DatabaseRef db, String branch, String name, String id, RuntimeException cause) {
    try {
      client.passwords().delete(db, branch, id);
      events.progress("cleanup", "deleted password " + name);
    } catch (ApiException deleteFailure) {
      if (deleteFailure.code() != ErrorCode.NOT_FOUND) {
        cause.addSuppressed(deleteFailure);
        events.warning(
            "could not delete password "
                + name
                + " (id "
                + id
                + ") on branch "
                + branch
                + ": "
                + deleteFailure.getMessage());
      }
    }
  }

  private String randomSuffix() {
    StringBuilder s = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
