package io.github.planetscaleci.core.client;

import io.github.planetscaleci.core.model.BranchPassword;
import io.github.planetscaleci.core.model.DatabaseRef;
import java.util.List;

/** Branch password endpoints. */
public interface PasswordsApi {
  /**
   * Creates a password (201); the result carries the plain text. If an attempt fails after it may
   * have reached the server, a password with the same name is looked up and deleted (its secret is
   * lost) before trying again.
   */
  BranchPassword create(DatabaseRef database, String branch, CreatePasswordRequest request);

  /** Every password of the branch, reading every page (no plain text). */
  List<BranchPassword> list(DatabaseRef database, String branch);

  /** Deletes the password (204). A 404 throws with code NOT_FOUND. */
  void delete(DatabaseRef database, String branch, String passwordId);
}
