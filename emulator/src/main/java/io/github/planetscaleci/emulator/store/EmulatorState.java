package io.github.planetscaleci.emulator.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Every organization and database; its monitor is the one lock that guards all state. */
public final class EmulatorState {
  /** Organization name to creation time. */
  public final Map<String, Instant> organizations = new LinkedHashMap<>();

  /** Organization name to id. */
  public final Map<String, String> organizationIds = new LinkedHashMap<>();

  /** Databases by {@code org/db}. */
  public final Map<String, DatabaseState> databases = new LinkedHashMap<>();

  /** Every MySQL user name ever created for a password, by database key, for leak counting. */
  public final Map<String, Set<String>> usersByDatabase = new LinkedHashMap<>();

  /** Database by org and name, or null. */
  public DatabaseState database(String org, String name) {
    return databases.get(org + "/" + name);
  }

  /** Records a MySQL user created for a database's password. */
  public void recordUser(String databaseKey, String user) {
    usersByDatabase.computeIfAbsent(databaseKey, k -> new LinkedHashSet<>()).add(user);
  }
}
