package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.client.CreateDeployRequest;
import io.github.planetscaleci.core.client.DeployRequestFilter;
import io.github.planetscaleci.core.client.DeployRequestsApi;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.DeployOperation;
import io.github.planetscaleci.core.model.DeployRequest;
import io.github.planetscaleci.core.model.Deployment;
import io.github.planetscaleci.core.model.DeploymentState;
import io.github.planetscaleci.core.model.LintError;
import io.github.planetscaleci.core.model.TableDiff;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deploy requests of the fake: each GET advances a scripted state machine one step. */
final class FakeDeployRequests implements DeployRequestsApi {
  /** One deploy request's state. */
  static final class Dr {
    int number;
    String branch;
    String into;
    String state = "open";
    boolean autoCutover;
    DeploymentState deploymentState = DeploymentState.PENDING;
    final Deque<DeploymentState> script = new ArrayDeque<>();
    List<LintError> lint = List.of();
    List<DeployOperation> ops = List.of();
    String deployCheckErrors;
    String notes;
    Instant createdAt;
    Instant updatedAt;
  }

  private static final Set<DeploymentState> CANCELLABLE =
      EnumSet.of(
          DeploymentState.QUEUED,
          DeploymentState.SUBMITTING,
          DeploymentState.IN_PROGRESS,
          DeploymentState.PENDING_CUTOVER);

  private static final Set<DeploymentState> DEPLOYING =
      EnumSet.of(
          DeploymentState.QUEUED,
          DeploymentState.SUBMITTING,
          DeploymentState.IN_PROGRESS,
          DeploymentState.PENDING_CUTOVER,
          DeploymentState.IN_PROGRESS_CUTOVER,
          DeploymentState.IN_PROGRESS_CANCEL);

  final Map<Integer, Dr> requests = new LinkedHashMap<>();
  private final FakePlanetScale fake;

  /** What the next created request's diff computation ends in. */
  DeploymentState diffOutcome = DeploymentState.READY;

  int pendingPolls = 1;
  List<LintError> lint = List.of();
  List<DeployOperation> ops =
      List.of(
          new DeployOperation(
              "op1",
              "pending",
              "app",
              "users",
              "ALTER",
              "ALTER TABLE `users` ADD COLUMN `age` int",
              false,
              null));
  DeploymentState deployEnd = DeploymentState.COMPLETE_PENDING_REVERT;
  String deployCheckErrors;

  FakeDeployRequests(FakePlanetScale fake) {
    this.fake = fake;
  }

  Dr add(String branch, String into, DeploymentState state) {
    Dr d = new Dr();
    d.number = requests.size() + 1;
    d.branch = branch;
    d.into = into;
    d.autoCutover = true;
    d.deploymentState = state;
    d.createdAt = fake.clock.now();
    d.updatedAt = d.createdAt;
    d.ops = ops;
    d.lint = lint;
    requests.put(d.number, d);
    return d;
  }

  long open() {
    return requests.values().stream().filter(d -> d.state.equals("open")).count();
  }

  DeployRequest view(Dr d) {
    Deployment dep =
        new Deployment(
            "dep" + d.number,
            d.deploymentState,
            d.deploymentState == DeploymentState.READY,
            d.autoCutover,
            d.number,
            d.into,
            d.ops,
            d.lint,
            d.deployCheckErrors,
            null,
            null,
            null,
            null,
            null);
    return new DeployRequest(
        "dr" + d.number,
        d.number,
        d.branch,
        d.into,
        d.state,
        d.deploymentState,
        false,
        "https://app.planetscale.com/acme/app/deploy-requests/" + d.number,
        d.notes,
        dep,
        d.createdAt,
        d.updatedAt,
        null,
        null);
  }

  private Dr find(int number) {
    Dr d = requests.get(number);
    if (d == null) {
      throw Faults.api(ErrorCode.NOT_FOUND, 404);
    }
    return d;
  }

  @Override
  public DeployRequest create(DatabaseRef database, CreateDeployRequest r) {
    fake.faults.enter("dr.create");
    Dr d = add(r.branch(), r.intoBranch(), DeploymentState.PENDING);
    d.notes = r.notes();
    d.autoCutover = !Boolean.FALSE.equals(r.autoCutover());
    for (int i = 1; i < pendingPolls; i++) {
      d.script.add(DeploymentState.PENDING);
    }
    d.script.add(diffOutcome);
    d.deployCheckErrors = deployCheckErrors;
    return view(d);
  }

  @Override
  public DeployRequest get(DatabaseRef database, int number) {
    fake.faults.enter("dr.get");
    Dr d = find(number);
    if (!d.script.isEmpty()) {
      d.deploymentState = d.script.poll();
    }
    return view(d);
  }

  @Override
  public List<DeployRequest> list(DatabaseRef database, DeployRequestFilter f) {
    fake.faults.enter("dr.list");
    List<DeployRequest> out = new ArrayList<>();
    for (Dr d : requests.values()) {
      if ((f.state() == null || f.state().equals(d.state))
          && (f.branch() == null || f.branch().equals(d.branch))
          && (f.intoBranch() == null || f.intoBranch().equals(d.into))) {
        out.add(view(d));
      }
    }
    return out;
  }

  @Override
  public DeployRequest close(DatabaseRef database, int number) {
    fake.faults.enter("dr.close");
    Dr d = find(number);
    if (DEPLOYING.contains(d.deploymentState)) {
      // Like the emulator: a request cannot be closed while its deploy is under way.
      throw Faults.api(ErrorCode.CONFLICT, 422);
    }
    d.state = "closed";
    return view(d);
  }

  @Override
  public DeployRequest deploy(DatabaseRef database, int number, boolean instantDdl) {
    fake.faults.enter("dr.deploy");
    Dr d = find(number);
    if (d.deploymentState != DeploymentState.READY) {
      throw Faults.api(ErrorCode.CONFLICT, 422);
    }
    d.deploymentState = DeploymentState.QUEUED;
    d.script.add(DeploymentState.IN_PROGRESS);
    d.script.add(d.autoCutover ? deployEnd : DeploymentState.PENDING_CUTOVER);
    fake.faults.enter("dr.deploy.after");
    return view(d);
  }

  @Override
  public DeployRequest applyDeploy(DatabaseRef database, int number) {
    fake.faults.enter("dr.apply");
    Dr d = find(number);
    if (d.deploymentState != DeploymentState.PENDING_CUTOVER) {
      throw Faults.api(ErrorCode.CONFLICT, 422);
    }
    d.deploymentState = DeploymentState.IN_PROGRESS_CUTOVER;
    d.script.add(deployEnd);
    fake.faults.exit("dr.apply");
    return view(d);
  }

  @Override
  public DeployRequest cancel(DatabaseRef database, int number) {
    fake.faults.enter("dr.cancel");
    Dr d = find(number);
    if (!CANCELLABLE.contains(d.deploymentState)) {
      throw Faults.api(ErrorCode.CONFLICT, 422);
    }
    d.deploymentState = DeploymentState.IN_PROGRESS_CANCEL;
    d.script.clear();
    d.script.add(DeploymentState.COMPLETE_CANCEL);
    return view(d);
  }

  @Override
  public DeployRequest skipRevert(DatabaseRef database, int number) {
    fake.faults.enter("dr.skipRevert");
    Dr d = find(number);
    if (d.deploymentState != DeploymentState.COMPLETE_PENDING_REVERT) {
      throw Faults.api(ErrorCode.CONFLICT, 422);
    }
    d.deploymentState = DeploymentState.COMPLETE;
    return view(d);
  }

  @Override
  public DeployRequest revert(DatabaseRef database, int number) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<TableDiff> diff(DatabaseRef database, int number) {
    fake.faults.enter("dr.diff");
    Dr d = find(number);
    return d.ops.stream()
        .map(op -> new TableDiff(op.tableName(), "+ " + op.ddlStatement()))
        .toList();
  }

  @Override
  public Deployment deployment(DatabaseRef database, int number) {
    fake.faults.enter("dr.deployment");
    return view(find(number)).deployment();
  }
}
