package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * JenkinsHost's credential handling: every lookup is made for the build that runs the step, what
 * was found is tracked on that build, and it is read as a service token or GitHub token. The
 * credentials plugin itself (permissions, build parameters, fingerprints) needs a running Jenkins,
 * so a recording {@link JenkinsHost.CredentialStore} stands in for it.
 */
class JenkinsHostTest {
  private static final String CANARY = "canary-host-t0ken-Q7";

  /** A store with fixed credentials that records each lookup and each tracking. */
  static final class RecordingStore implements JenkinsHost.CredentialStore {
    final Map<String, StandardCredentials> byId;
    final List<Object[]> lookups = new CopyOnWriteArrayList<>();
    final List<Object[]> tracked = new CopyOnWriteArrayList<>();

    RecordingStore(Map<String, StandardCredentials> byId) {
      this.byId = byId;
    }

    @Override
    public StandardCredentials find(String id, Run<?, ?> run) {
      lookups.add(new Object[] {id, run});
      return byId.get(id);
    }

    @Override
    public void track(Run<?, ?> run, StandardCredentials c) {
      tracked.add(new Object[] {run, c});
    }
  }

  @Test
  void aServiceTokenIsLookedUpForTheBuildTrackedOnItAndParsed() throws Exception {
    StandardCredentials c = new TestCredentials.Text("tok-id:" + CANARY);
    RecordingStore store = new RecordingStore(Map.of("ps", c));
    FakeJenkins.FakeRun run = FakeJenkins.run("team", "app", 3);

    ServiceToken token = new JenkinsHost(store).serviceToken(run, "ps");

    assertThat(token.id()).isEqualTo("tok-id");
    assertThat(token.secret()).isEqualTo(CANARY);
    assertThat(store.lookups)
        .singleElement()
        .satisfies(l -> assertThat(l).containsExactly("ps", run));
    assertThat(store.tracked).singleElement().satisfies(t -> assertThat(t).containsExactly(run, c));
  }

  @Test
  void aGitHubTokenIsTheSecretOfItsCredential() throws Exception {
    StandardCredentials c = new TestCredentials.UserPass("octocat", "ghp_" + CANARY);
    RecordingStore store = new RecordingStore(Map.of("gh", c));
    FakeJenkins.FakeRun run = FakeJenkins.run("team", "app", 4);

    assertThat(new JenkinsHost(store).gitHubToken(run, "gh")).isEqualTo("ghp_" + CANARY);
    assertThat(store.tracked).singleElement().satisfies(t -> assertThat(t).containsExactly(run, c));
  }

  @Test
  void missingOrUnusableCredentialsFailClearlyWithoutTheSecret() {
    RecordingStore store =
        new RecordingStore(
            Map.of("text", new TestCredentials.Text(CANARY), "ssh", new TestCredentials.Other()));
    JenkinsHost host = new JenkinsHost(store);
    FakeJenkins.FakeRun run = FakeJenkins.run("team", "app", 5);

    assertThatThrownBy(() -> host.serviceToken(run, "missing"))
        .isInstanceOf(AbortException.class)
        .hasMessage(
            "[planetscale-ci configuration] no credentials with id 'missing' are visible to this"
                + " build; add the PlanetScale service token in Manage Jenkins » Credentials (see"
                + " the help of credentialsId)");
    assertThat(store.tracked).as("nothing found, nothing tracked").isEmpty();
    assertThatThrownBy(() -> host.serviceToken(run, "text"))
        .hasMessageContaining("<service token id>:<service token>")
        .message()
        .doesNotContain(CANARY);
    assertThatThrownBy(() -> host.gitHubToken(run, "ssh"))
        .hasMessageContaining("use Secret text holding the token");
  }

  @Test
  void theBranchStepUsesTheCredentialOfItsOwnBuildForOpeningAndClosing() throws Exception {
    PlanetScaleEmulator emu = SharedEmulator.get();
    emu.createDatabase(SharedEmulator.ORG, "hostcreds", null);
    StandardCredentials c =
        new TestCredentials.UserPass(SharedEmulator.TOKEN_ID, SharedEmulator.TOKEN_SECRET);
    RecordingStore store = new RecordingStore(Map.of("ps-token", c));
    FakeJenkins.FakeRun run = FakeJenkins.run("team", "creds", 6);
    SharedEmulator.Log log = new SharedEmulator.Log();
    PlanetScaleBranchStep step = new PlanetScaleBranchStep("hostcreds");
    // No Jenkins, so no global defaults: everything comes from the step.
    step.setOrganization(SharedEmulator.ORG);
    step.setCredentialsId("ps-token");
    step.setApiUrl(emu.url());

    try (AutoCloseable ignored = Host.override(new JenkinsHost(store))) {
      FakeStepContext ctx = SharedEmulator.context(b -> "ok", run, log);
      step.start(ctx).start();
      assertThat(ctx.result()).isEqualTo("ok");
    }

    assertThat(store.lookups)
        .hasSize(2) // open, then the tail call's close
        .allSatisfy(l -> assertThat(l).containsExactly("ps-token", run));
    assertThat(store.tracked).hasSize(2).allSatisfy(t -> assertThat(t).containsExactly(run, c));
    assertThat(emu.stats().of(SharedEmulator.ORG, "hostcreds").branches()).isZero();
    assertThat(log.text()).doesNotContain(SharedEmulator.TOKEN_SECRET);
  }
}
