package io.github.planetscaleci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.github.planetscaleci.emulator.PlanetScaleEmulator;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The real-Jenkins suite, run only by pom-hpi.xml (never compiled in the stub build): the block in
 * Scripted and Declarative Pipelines, masking in the real console, abort, and config round trip.
 */
@WithJenkins
class BranchStepJenkinsTest {
  private static final String SECRET = "canary-token-5ecr3t-jth";
  private static PlanetScaleEmulator emu;

  @BeforeAll
  static void emulator() {
    emu =
        PlanetScaleEmulator.builder()
            .serviceToken("tok", SECRET)
            .provisioningDelay(Duration.ZERO)
            .build()
            .start();
    emu.createDatabase("acme", "app", "CREATE TABLE t (id INT PRIMARY KEY)");
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  private static void setUp(JenkinsRule r) throws Exception {
    CredentialsProvider.lookupStores(r.jenkins)
        .iterator()
        .next()
        .addCredentials(
            Domain.global(),
            new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "ps", "", "tok", SECRET));
    PlanetScaleGlobalConfiguration g = PlanetScaleGlobalConfiguration.get();
    g.setOrganization("acme");
    g.setCredentialsId("ps");
    g.setApiUrl(emu.url());
  }

  private static WorkflowRun run(JenkinsRule r, String script) throws Exception {
    WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p" + System.nanoTime());
    p.setDefinition(new CpsFlowDefinition(script, true));
    return p.scheduleBuild2(0).waitForStart();
  }

  @Test
  void scriptedBlockMasksAndDeletes(JenkinsRule r) throws Exception {
    setUp(r);
    WorkflowRun b =
        run(r, "withPlanetScaleBranch(database: 'app') { echo \"pw=${env.DATABASE_PASSWORD}\" }");
    r.assertBuildStatusSuccess(r.waitForCompletion(b));
    r.assertLogContains("pw=***", b);
    r.assertLogNotContains(SECRET, b);
    assertThat(emu.stats().of("acme", "app").branches()).isZero();
  }

  @Test
  void declarativeOptionsAndAbort(JenkinsRule r) throws Exception {
    setUp(r);
    WorkflowRun b =
        run(
            r,
            "pipeline { agent none\n options { withPlanetScaleBranch(database: 'app') }\n"
                + " stages { stage('t') { steps { semaphore 'wait' } } } }");
    SemaphoreStep.waitForStart("wait/1", b);
    assertThat(emu.stats().of("acme", "app").branches()).isEqualTo(1);
    b.doStop();
    r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
    assertThat(emu.stats().of("acme", "app").branches()).isZero();
  }

  @Test
  void configRoundTrip(JenkinsRule r) throws Exception {
    PlanetScaleBranchStep step = new PlanetScaleBranchStep("app");
    step.setOrganization("acme");
    step.setWaitTimeout("5m");
    step.setKeepBranch(true);
    PlanetScaleBranchStep back = new StepConfigTester(r).configRoundTrip(step);
    assertThat(back.getWaitTimeout()).isEqualTo("5m");
    assertThat(back.isKeepBranch()).isTrue();
  }
}
