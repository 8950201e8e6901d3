package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.BranchesApi;
import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.CreateBranchRequest;
import io.github.planetscaleci.core.client.CreatePasswordRequest;
import io.github.planetscaleci.core.client.DatabasesApi;
import io.github.planetscaleci.core.client.DeployRequestsApi;
import io.github.planetscaleci.core.client.PasswordsApi;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.model.Branch;
import io.github.planetscaleci.core.model.BranchPassword;
import io.github.planetscaleci.core.model.Database;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.PasswordBranch;
import io.github.planetscaleci.core.model.TableDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An in-memory PlanetScale for state-machine tests: branches, passwords, deploy requests, faults.
 */
final class FakePlanetScale implements PlanetScaleClient {
  static final DatabaseRef DB = new DatabaseRef("acme", "app");
  static final String CANARY = "pscale_pw_CANARY-s3cr3t/+@:x";

  final Faults faults = new Faults();
  final FakeClock clock;
  final Map<String, Branch> branches = new LinkedHashMap<>();
  final Map<String, Integer> getsUntilReady = new LinkedHashMap<>();
  final Map<String, BranchPassword> passwords = new LinkedHashMap<>();

  /** The branch path each password was created under. */
  final Map<String, String> passwordPaths = new LinkedHashMap<>();

  final FakeDeployRequests deployRequests;

  /** How many GETs a new branch answers not-ready before it is ready. */
  int provisioningPolls = 2;

  /** Lets a test tamper with created passwords (e.g. name another branch). */
  UnaryOperator<BranchPassword> passwordTamper = UnaryOperator.identity();

  String accessHost = "abc123.us-east-4.psdb.cloud";
  private int nextId = 1;

  FakePlanetScale(FakeClock clock) {
    this.clock = clock;
    branches.put("main", branch("main", null, true, true, clock.now().minusSeconds(86_400)));
    this.deployRequests = new FakeDeployRequests(this);
  }

  Branch branch(String name, String parent, boolean ready, boolean production, Instant created) {
    return new Branch(
        "id-" + name,
        name,
        parent,
        ready,
        ready ? "ready" : "pending",
        production,
        production,
        "https://app.planetscale.com/acme/app/" + name,
        created,
        created);
  }

  /** Adds an existing branch (not created by the workflow). */
  void addBranch(String name, boolean ready, Instant created) {
    branches.put(name, branch(name, "main", ready, false, created));
  }

  String newId() {
    return "id" + (nextId++);
  }

  @Override
  public ClientSettings settings() {
    throw new UnsupportedOperationException();
  }

  @Override
  public DatabasesApi databases() {
    return db -> {
      faults.enter("databases.get");
      return new Database("db1", db.database(), "ready", true, "mysql", "main", false, null);
    };
  }

  @Override
  public BranchesApi branches() {
    return new BranchesApi() {
      @Override
      public List<Branch> list(DatabaseRef database) {
        faults.enter("branches.list");
        return List.copyOf(branches.values());
      }

      @Override
      public Optional<Branch> find(DatabaseRef database, String branch) {
        faults.enter("branches.find");
        return Optional.ofNullable(branches.get(branch));
      }

      @Override
      public Branch get(DatabaseRef database, String name) {
        faults.enter("branches.get");
        Branch b = branches.get(name);
        if (b == null) {
          throw Faults.api(ErrorCode.NOT_FOUND, 404);
        }
        Integer left = getsUntilReady.get(name);
        if (left != null && left-- <= 0) {
          b = branch(name, b.parentBranch(), true, b.production(), b.createdAt());
          branches.put(name, b);
          getsUntilReady.remove(name);
        } else if (left != null) {
          getsUntilReady.put(name, left);
        }
        return b;
      }

      @Override
      public Branch create(DatabaseRef database, CreateBranchRequest r) {
        faults.enter("branches.create");
        Branch b = branch(r.name(), r.parentBranch(), provisioningPolls == 0, false, clock.now());
        branches.put(r.name(), b);
        if (provisioningPolls > 0) {
          getsUntilReady.put(r.name(), provisioningPolls);
        }
        faults.exit("branches.create");
        return b;
      }

      @Override
      public void delete(DatabaseRef database, String branch) {
        faults.enter("branches.delete");
        if (branches.remove(branch) == null) {
          throw Faults.api(ErrorCode.NOT_FOUND, 404);
        }
        passwordPaths.values().removeIf(branch::equals);
        passwords.keySet().retainAll(passwordPaths.keySet());
      }

      @Override
      public List<TableDefinition> schema(DatabaseRef database, String branch) {
        return List.of();
      }

      @Override
      public List<LintError> lint(DatabaseRef database, String branch) {
        return List.of();
      }
    };
  }

  @Override
  public PasswordsApi passwords() {
    return new PasswordsApi() {
      @Override
      public BranchPassword create(DatabaseRef database, String branch, CreatePasswordRequest r) {
        faults.enter("passwords.create");
        Branch b = branches.get(branch);
        String id = newId();
        BranchPassword p =
            new BranchPassword(
                id,
                r.name(),
                r.role().apiValue(),
                "user-" + id,
                CANARY,
                accessHost,
                r.ttl() == null ? null : (int) r.ttl().toSeconds(),
                null,
                clock.now(),
                new PasswordBranch(b.id(), branch, b.production()),
                null);
        p = passwordTamper.apply(p);
        passwords.put(id, p);
        passwordPaths.put(id, branch);
        faults.exit("passwords.create");
        return p;
      }

      @Override
      public List<BranchPassword> list(DatabaseRef database, String branch) {
        faults.enter("passwords.list");
        List<BranchPassword> out = new ArrayList<>();
        passwordPaths.forEach(
            (id, path) -> {
              if (path.equals(branch)) {
                out.add(passwords.get(id));
              }
            });
        return out;
      }

      @Override
      public void delete(DatabaseRef database, String branch, String passwordId) {
        faults.enter("passwords.delete");
        passwordPaths.remove(passwordId);
        if (passwords.remove(passwordId) == null) {
          throw Faults.api(ErrorCode.NOT_FOUND, 404);
        }
      }
    };
  }

  @Override
  public DeployRequestsApi deployRequests() {
    return deployRequests;
  }

  @Override
  public void close() {}
}
