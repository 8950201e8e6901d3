package io.github.planetscaleci.action.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.BranchLease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link BranchLease} as JSON (it holds no secret), in runner state and in a file
 * under {@code $HOME}, the one directory the main and post containers of a job share.
 */
public final class Leases {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Leases() {}

  /** The lease as one line of JSON. */
  public static String toJson(BranchLease lease) {
    try {
      return JSON.writeValueAsString(lease);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the lease", e);
    }
  }

  /** Parses a lease written by {@link #toJson}. */
  public static BranchLease fromJson(String json) {
    try {
      return JSON.readValue(json, BranchLease.class);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(
          "the saved branch lease is not valid JSON; was it written by another version? "
              + e.getOriginalMessage());
    }
  }

  /** The lease file of a branch under {@code home}. */
  public static Path file(Path home, DatabaseRef db, String branch) {
    String name = (db.organization() + "__" + db.database() + "__" + branch).replace('/', '_');
    return home.resolve(".planetscale-ci").resolve("leases").resolve(name + ".json");
  }

  /** Writes the lease file; a failure only loses the shortcut, so it is reported, not thrown. */
  public static boolean save(Path home, BranchLease lease) {
    try {
      Path f = file(home, lease.database(), lease.branch());
      Files.createDirectories(f.getParent());
      // Written beside it and moved into place: a reader never sees a half-written lease, also
      // when a kill lands during one of the saves made at each creation.
      Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
      try {
        Files.writeString(tmp, toJson(lease), StandardCharsets.UTF_8);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return true;
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Reads the lease file, or null if there is none or it cannot be read: it is only a shortcut, and
   * without it close-branch still knows the generated names and honours {@code force}.
   */
  public static BranchLease load(Path home, DatabaseRef db, String branch) {
    Path f = file(home, db, branch);
    try {
      return Files.isRegularFile(f) ? fromJson(Files.readString(f, StandardCharsets.UTF_8)) : null;
    } catch (IOException | ConfigurationException e) {
      return null;
    }
  }

  /** Deletes the lease file if present. */
  public static void delete(Path home, BranchLease lease) {
    try {
      Files.deleteIfExists(file(home, lease.database(), lease.branch()));
    } catch (IOException e) {
      // Nothing depends on its absence: a stale file only names a branch that is gone.
    }
  }
}
