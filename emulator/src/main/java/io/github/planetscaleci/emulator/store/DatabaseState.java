package io.github.planetscaleci.emulator.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One emulated database: its branches and deploy requests; guarded by the EmulatorState lock. */
public final class DatabaseState {
  public final String id;
  public final String org;
  public final String name;
  public final Instant createdAt;
  public Instant updatedAt;
  public String defaultBranch = "main";
  public final Map<String, BranchState> branches = new LinkedHashMap<>();
  public final List<DeployRequestState> deployRequests = new ArrayList<>();
  public int nextDeployRequestNumber = 1;

  public DatabaseState(String id, String org, String name, Instant createdAt) {
    this.id = id;
    this.org = org;
    this.name = name;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** Key used for per-database maps, {@code org/db}. */
  public String key() {
    return org + "/" + name;
  }

  /** Live (not deleted) branch by name, or null. */
  public BranchState branch(String branchName) {
    BranchState b = branches.get(branchName);
    return b == null || b.deletedAt != null ? null : b;
  }

  /** Deploy request by number, or null. */
  public DeployRequestState deployRequest(int number) {
    return deployRequests.stream().filter(d -> d.number == number).findFirst().orElse(null);
  }
}
