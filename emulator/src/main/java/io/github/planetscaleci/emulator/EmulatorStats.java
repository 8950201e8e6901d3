package io.github.planetscaleci.emulator;

import java.util.Map;

/**
 * Counts for "nothing left behind" assertions: live non-default branches, MySQL users of passwords
 * that still exist in MariaDB, and open deploy requests, in total and per database.
 */
public record EmulatorStats(
    int branches,
    int passwordUsers,
    int openDeployRequests,
    Map<String, DatabaseStats> perDatabase) {

  /** The counts of one database, keyed {@code org/database} in {@link #perDatabase()}. */
  public record DatabaseStats(int branches, int passwordUsers, int openDeployRequests) {}

  /** Counts of one database; zeros when it does not exist. */
  public DatabaseStats of(String org, String database) {
    return perDatabase.getOrDefault(org + "/" + database, new DatabaseStats(0, 0, 0));
  }
}
