package io.github.planetscaleci.core.workflow;

import static io.github.planetscaleci.core.workflow.FakePlanetScale.CANARY;
import static io.github.planetscaleci.core.workflow.FakePlanetScale.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.error.ErrorCode;
import io.github.planetscaleci.core.error.PlanetScaleCiException;
import io.github.planetscaleci.core.event.WorkflowEvent;
import io.github.planetscaleci.core.model.BranchPassword;
import io.github.planetscaleci.core.model.PasswordBranch;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenBranchFlowTest {
  private final Fixture f = new Fixture();
  private final OpenBranchRequest request =
      new OpenBranchRequest(
          DB,
          "ci-pr-7-r100-a1",
          null,
          false,
          null,
          Duration.ofHours(2),
          WaitPolicy.defaults(),
          "GitHub PR #7, run 100, attempt 1");

  @Test
  void createsWaitsIssuesAndVerifies() {
    OpenedBranch opened = f.workflows.openBranch(request);

    assertThat(opened.created()).isTrue();
    assertThat(opened.branch().ready()).isTrue();
    assertThat(f.ps.faults.count("branches.get")).isEqualTo(3);
    BranchConnection c = opened.connection();
    assertThat(c.host()).isEqualTo("abc123.us-east-4.psdb.cloud");
    assertThat(c.port()).isEqualTo(3306);
    assertThat(c.database()).isEqualTo("app");
    assertThat(c.tls()).isTrue();
    assertThat(c.password()).isEqualTo(CANARY);
    assertThat(opened.lease().passwordIds()).containsExactlyElementsOf(f.ps.passwords.keySet());
    assertThat(f.ps.passwords.values())
        .singleElement()
        .satisfies(p -> assertThat(p.name()).matches("ci-pr-7-r100-a1-[a-z0-9]{6}"))
        .satisfies(p -> assertThat(p.ttlSeconds()).isEqualTo(7200));
    assertThat(f.messages().get(0))
        .isEqualTo("info: GitHub PR #7, run 100, attempt 1 -> ci-pr-7-r100-a1");
  }

  @Test
  void masksPasswordAndUrlBeforeAnyOtherEventAfterThePasswordExists() {
    OpenedBranch opened = f.workflows.openBranch(request);
    int created =
        f.messages()
            .indexOf(
                "password: creating admin password "
                    + f.ps.passwords.values().iterator().next().name());
    assertThat(f.events.get(created + 1)).isEqualTo(new WorkflowEvent.MaskSecret(CANARY));
    assertThat(f.events.subList(created + 1, f.events.size()))
        .contains(new WorkflowEvent.MaskSecret(opened.connection().mysqlUrl()))
        .contains(new WorkflowEvent.MaskSecret(ConnectionUrls.encode(CANARY)));
    int lastMask =
        f.events.lastIndexOf(new WorkflowEvent.MaskSecret(ConnectionUrls.encode(CANARY)));
    // Between the masks only the (non-printing) record of the new password's id may come.
    assertThat(f.events.subList(created + 1, lastMask + 1))
        .allMatch(e -> e instanceof WorkflowEvent.MaskSecret || e instanceof WorkflowEvent.Created);
  }

  @Test
  void reportsWhatItCreatedTheMomentItExists() {
    OpenedBranch opened = f.workflows.openBranch(request);
    assertThat(f.events)
        .filteredOn(WorkflowEvent.Created.class::isInstance)
        .containsExactly(
            new WorkflowEvent.Created(
                WorkflowEvent.CreatedResource.BRANCH,
                "acme",
                "app",
                "ci-pr-7-r100-a1",
                "ci-pr-7-r100-a1"),
            new WorkflowEvent.Created(
                WorkflowEvent.CreatedResource.PASSWORD,
                "acme",
                "app",
                "ci-pr-7-r100-a1",
                opened.lease().passwordIds().get(0)));
    // The branch is reported before the wait, the password before its verification.
    int branchCreated = f.events.indexOf(created(WorkflowEvent.CreatedResource.BRANCH));
    assertThat(f.messages().subList(0, branchCreated)).noneMatch(m -> m.startsWith("ready:"));
  }

  @Test
  void aReusedBranchIsNotReportedAsCreated() {
    f.ps.addBranch("ci-pr-7-r100-a1", true, FakeClock.START);
    f.workflows.openBranch(request);
    assertThat(f.events)
        .filteredOn(WorkflowEvent.Created.class::isInstance)
        .extracting(e -> ((WorkflowEvent.Created) e).resource())
        .containsExactly(WorkflowEvent.CreatedResource.PASSWORD);
  }

  private WorkflowEvent created(WorkflowEvent.CreatedResource resource) {
    return f.events.stream()
        .filter(e -> e instanceof WorkflowEvent.Created c && c.resource() == resource)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void reusesAnExistingReadyBranchWithoutDeletingItOnFailure() {
    f.ps.addBranch("ci-pr-7-r100-a1", true, FakeClock.START);
    OpenedBranch opened = f.workflows.openBranch(request);
    assertThat(opened.created()).isFalse();
    assertThat(opened.lease().created()).isFalse();
    assertThat(f.ps.faults.count("branches.create")).isZero();

    f.ps.faults.failNext("passwords.create", Faults.api(ErrorCode.SERVER_ERROR, 503));
    assertThatThrownBy(() -> f.workflows.openBranch(request))
        .isInstanceOf(PlanetScaleCiException.class);
    assertThat(f.ps.branches).containsKey("ci-pr-7-r100-a1");
  }

  @Test
  void invalidInputFailsBeforeAnyApiCall() {
    OpenBranchRequest bad =
        new OpenBranchRequest(DB, "Feature/Login", null, false, null, null, null, null);
    assertThatThrownBy(() -> f.workflows.openBranch(bad))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'feature-login")
        .hasMessageContaining("upper-case");
    OpenBranchRequest ttl =
        new OpenBranchRequest(DB, "ci-x", null, false, null, Duration.ZERO, null, null);
    assertThatThrownBy(() -> f.workflows.openBranch(ttl))
        .isInstanceOf(ConfigurationException.class);
    assertThat(f.ps.faults.calls).isEmpty();
  }

  @Test
  void refusesProductionAndDefaultBranches() {
    assertThatThrownBy(() -> f.workflows.openBranch(OpenBranchRequest.of(DB, "main")))
        .isInstanceOf(PlanetScaleCiException.class)
        .satisfies(
            e ->
                assertThat(((PlanetScaleCiException) e).code())
                    .isEqualTo(ErrorCode.PROTECTED_BRANCH));
    f.ps.branches.put("prod2", f.ps.branch("prod2", null, true, true, FakeClock.START));
    assertThatThrownBy(() -> f.workflows.openBranch(OpenBranchRequest.of(DB, "prod2")))
        .hasMessageContaining("production");
    assertThat(f.ps.passwords).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "branches.get",
        "passwords.create",
        "passwords.delete-mismatch",
        "timeout",
        "no-host",
        "password-server-error"
      })
  void aFailureAfterCreationDeletesTheBranchAndPassword(String step) {
    switch (step) {
      case "branches.get" ->
          f.ps.faults.failNext("branches.get", Faults.api(ErrorCode.UNAUTHORIZED, 403));
      case "passwords.create" ->
          f.ps.faults.failNext("passwords.create", Faults.api(ErrorCode.INVALID_INPUT, 422));
      case "passwords.delete-mismatch" ->
          f.ps.passwordTamper = p -> withOwner(p, new PasswordBranch("x", "main", true));
      case "timeout" -> f.ps.provisioningPolls = 100_000;
      case "no-host" -> f.ps.accessHost = null;
      default -> f.ps.faults.failNext("passwords.create", Faults.api(ErrorCode.SERVER_ERROR, 500));
    }
    assertThatThrownBy(() -> f.workflows.openBranch(request))
        .isInstanceOf(PlanetScaleCiException.class);
    assertThat(f.ps.branches).containsOnlyKeys("main");
    assertThat(f.ps.passwords).isEmpty();
    assertThat(f.messages()).contains("cleanup: deleted branch ci-pr-7-r100-a1");
  }

  @Test
  void credentialsNamingAnotherBranchFailLoudly() {
    f.ps.passwordTamper = p -> withOwner(p, new PasswordBranch("x", "main", true));
    assertThatThrownBy(() -> f.workflows.openBranch(request))
        .isInstanceOf(PlanetScaleCiException.class)
        .hasMessageContaining("belongs to branch main (production)")
        .satisfies(
            e ->
                assertThat(((PlanetScaleCiException) e).code())
                    .isEqualTo(ErrorCode.CREDENTIAL_MISMATCH));
    assertThat(f.ps.faults.count("passwords.delete")).isEqualTo(1);
  }

  @Test
  void aPasswordThatNamesNoBranchIsCheckedAgainstTheBranchList() {
    f.ps.passwordTamper = p -> withOwner(p, null);
    OpenedBranch opened = f.workflows.openBranch(request);
    assertThat(opened.connection().branch()).isEqualTo("ci-pr-7-r100-a1");
    assertThat(f.ps.faults.count("passwords.list")).isEqualTo(1);
  }

  @Test
  void readinessTimeoutSaysWhatWasAwaitedAndWhatToDo() {
    f.ps.provisioningPolls = 100_000;
    OpenBranchRequest quick =
        new OpenBranchRequest(
            DB,
            "ci-x",
            null,
            false,
            null,
            null,
            WaitPolicy.withTimeout(Duration.ofSeconds(90)),
            null);
    assertThatThrownBy(() -> f.workflows.openBranch(quick))
        .hasMessageContaining(
            "timed out after 1m30s waiting for branch ci-x of acme/app to become ready")
        .hasMessageContaining("last state seen: state pending, ready=false")
        .hasMessageContaining("raise the wait timeout");
    assertThat(f.clock.seconds()).isBetween(90.0, 91.0);
  }

  @Test
  void keepOnFailureKeepsTheBranch() {
    f.ps.faults.failNext("passwords.create", Faults.api(ErrorCode.INVALID_INPUT, 422));
    assertThatThrownBy(() -> f.workflows.openBranch(request.withKeepOnFailure(true)))
        .isInstanceOf(PlanetScaleCiException.class);
    assertThat(f.ps.branches).containsKey("ci-pr-7-r100-a1");
    assertThat(f.messages())
        .anyMatch(m -> m.startsWith("warning: opening failed; branch ci-pr-7-r100-a1 was kept"));
  }

  @Test
  void aBranchCreatedConcurrentlyIsReusedNotDeleted() {
    f.ps.faults.beforeNext(
        "branches.create", () -> f.ps.addBranch("ci-pr-7-r100-a1", true, FakeClock.START));
    f.ps.faults.failNext("branches.create", Faults.api(ErrorCode.CONFLICT, 409));
    OpenedBranch opened = f.workflows.openBranch(request);
    assertThat(opened.created()).isFalse();
    assertThat(opened.lease().created()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = ErrorCode.class,
      names = {"TIMEOUT", "TRANSPORT_ERROR", "SERVER_ERROR"})
  void aBranchCreateWhoseAnswerWasLostDeletesTheBranchItMade(ErrorCode code) {
    ApiException lost = Faults.api(code, code == ErrorCode.SERVER_ERROR ? 503 : 0);
    f.ps.faults.failAfterNext("branches.create", lost);
    assertThatThrownBy(() -> f.workflows.openBranch(request)).isSameAs(lost);
    assertThat(f.ps.branches).containsOnlyKeys("main");
    assertThat(f.ps.faults.count("passwords.create")).isZero();
    assertThat(f.messages())
        .contains("cleanup: deleted branch ci-pr-7-r100-a1")
        .anyMatch(m -> m.contains("but the branch exists: this run's request created it"));
  }

  @Test
  void aBranchCreateThatFailedBeforeTheServerActedDeletesNothing() {
    ApiException lost = Faults.api(ErrorCode.TIMEOUT, 0);
    f.ps.faults.failNext("branches.create", lost);
    assertThatThrownBy(() -> f.workflows.openBranch(request)).isSameAs(lost);
    assertThat(f.ps.faults.count("branches.find")).isEqualTo(2);
    assertThat(f.ps.faults.count("branches.delete")).isZero();
  }

  @Test
  void aLostBranchCreateKeepsTheBranchWhenAskedAndSaysSo() {
    ApiException lost = Faults.api(ErrorCode.SERVER_ERROR, 500);
    f.ps.faults.failAfterNext("branches.create", lost);
    assertThatThrownBy(() -> f.workflows.openBranch(request.withKeepOnFailure(true)))
        .isSameAs(lost);
    assertThat(f.ps.branches).containsKey("ci-pr-7-r100-a1");
    assertThat(f.messages())
        .anyMatch(m -> m.startsWith("warning: opening failed; branch ci-pr-7-r100-a1 was kept"));
  }

  @Test
  void anUncheckableLostBranchCreateIsReportedNotHidden() {
    ApiException lost = Faults.api(ErrorCode.TIMEOUT, 0);
    f.ps.faults.failAfterNext("branches.create", lost);
    f.ps.faults.beforeNext( // the look-up after the create fails, not the one before it
        "branches.create",
        () -> f.ps.faults.failNext("branches.find", Faults.api(ErrorCode.SERVER_ERROR, 503)));
    assertThatThrownBy(() -> f.workflows.openBranch(request))
        .isSameAs(lost)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(f.messages())
        .anyMatch(
            m ->
                m.startsWith(
                    "warning: could not check whether branch ci-pr-7-r100-a1 of acme/app"));
  }

  @ParameterizedTest
  @EnumSource(
      value = ErrorCode.class,
      names = {"TIMEOUT", "TRANSPORT_ERROR", "SERVER_ERROR"})
  void aPasswordCreateWhoseAnswerWasLostDeletesOnlyThatPassword(ErrorCode code) {
    f.ps.addBranch("ci-pr-7-r100-a1", true, FakeClock.START);
    OpenedBranch earlier = f.workflows.openBranch(request);
    ApiException lost = Faults.api(code, code == ErrorCode.SERVER_ERROR ? 502 : 0);
    f.ps.faults.failAfterNext("passwords.create", lost);

    assertThatThrownBy(() -> f.workflows.openBranch(request)).isSameAs(lost);
    assertThat(f.ps.branches).containsKey("ci-pr-7-r100-a1");
    assertThat(f.ps.passwords.keySet()).containsExactlyElementsOf(earlier.lease().passwordIds());
    assertThat(f.ps.faults.count("passwords.delete")).isEqualTo(1);
  }

  @Test
  void anAbortDuringVerificationStillDeletesThePasswordOnAReusedBranch() {
    f.ps.addBranch("ci-pr-7-r100-a1", true, FakeClock.START);
    f.ps.passwordTamper = p -> withOwner(p, null); // verification must list the passwords
    f.ps.faults.beforeNext("passwords.list", () -> Thread.currentThread().interrupt());
    try {
      assertThatThrownBy(() -> f.workflows.openBranch(request))
          .isInstanceOf(PlanetScaleCiException.class);
      assertThat(Thread.currentThread().isInterrupted()).as("the abort is kept").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(f.ps.passwords).isEmpty();
    assertThat(f.ps.branches).containsKey("ci-pr-7-r100-a1");
    assertThat(f.messages()).anyMatch(m -> m.startsWith("cleanup: deleted password "));
  }

  @Test
  void anAbortDuringALostPasswordCreateStillDeletesThatPassword() {
    f.ps.addBranch("ci-pr-7-r100-a1", true, FakeClock.START);
    ApiException aborted = Faults.api(ErrorCode.TRANSPORT_ERROR, 0);
    f.ps.faults.failAfterNext("passwords.create", aborted);
    f.ps.passwordTamper =
        p -> {
          Thread.currentThread().interrupt(); // the build is aborted while the server answers
          return p;
        };
    try {
      assertThatThrownBy(() -> f.workflows.openBranch(request)).isSameAs(aborted);
      assertThat(Thread.currentThread().isInterrupted()).as("the abort is kept").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(f.ps.passwords).isEmpty();
  }

  @Test
  void cleanupFailureIsReportedAndSuppressed() {
    f.ps.faults.failNext("passwords.create", Faults.api(ErrorCode.INVALID_INPUT, 422));
    f.ps.faults.failNext("branches.delete", Faults.api(ErrorCode.SERVER_ERROR, 503));
    assertThatThrownBy(() -> f.workflows.openBranch(request))
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(f.messages())
        .anyMatch(m -> m.startsWith("warning: could not delete branch ci-pr-7-r100-a1"));
  }

  static BranchPassword withOwner(BranchPassword p, PasswordBranch owner) {
    return new BranchPassword(
        p.id(),
        p.name(),
        p.role(),
        p.username(),
        p.plainText(),
        p.accessHostUrl(),
        p.ttlSeconds(),
        p.expiresAt(),
        p.createdAt(),
        owner,
        p.databaseName());
  }
}
