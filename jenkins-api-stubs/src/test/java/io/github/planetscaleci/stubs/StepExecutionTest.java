package io.github.planetscaleci.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousResumeNotSupportedException;
import org.junit.jupiter.api.Test;

class StepExecutionTest {

  /** GNBSE whose start() runs the given block and whose TailCall records cleanup. */
  static final class Exec extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;
    final transient List<String> log = new CopyOnWriteArrayList<>();
    transient volatile Thread ranOn;
    transient Work block;

    /** Test-side work; {@code Block} itself is protected, as in workflow-step-api. */
    interface Work {
      void run() throws Exception;
    }

    Exec(StepContext context, Work block) {
      super(context);
      this.block = block;
    }

    @Override
    public boolean start() {
      run(
          () -> {
            ranOn = Thread.currentThread();
            block.run();
          });
      return false;
    }

    void runLater(Work b) {
      run(b::run);
    }

    final class Cleanup extends TailCall {
      private static final long serialVersionUID = 1L;

      @Override
      protected void finished(StepContext context) {
        log.add("finished on " + (Thread.currentThread() == ranOn ? "same" : "pool"));
      }
    }
  }

  @Test
  void generalNonBlockingRunsOffTheCallingThreadAndReportsFailure() throws Exception {
    TestContext ctx = new TestContext();
    Exec exec =
        new Exec(
            ctx,
            () -> {
              throw new IllegalStateException("setup failed");
            });
    assertThat(exec.start()).isFalse();
    assertThatThrownBy(() -> ctx.outcome.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("setup failed");
    assertThat(exec.ranOn).isNotNull().isNotSameAs(Thread.currentThread());
    assertThat(ctx.completedOn).isSameAs(exec.ranOn);
  }

  @Test
  void generalNonBlockingRefusesWorkAfterStop() throws Exception {
    TestContext ctx = new TestContext();
    CountDownLatch ran = new CountDownLatch(1);
    Exec exec = new Exec(ctx, ran::countDown);
    exec.stop(new InterruptedException("aborted"));
    exec.runLater(ran::countDown);
    assertThat(ran.await(300, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(ctx.events).containsExactly("onFailure:aborted");
  }

  @Test
  void generalTailCallRunsCleanupInThePoolThenForwardsTheBodyOutcome() throws Exception {
    TestContext ctx = new TestContext();
    Exec exec = new Exec(ctx, () -> {});
    BodyExecutionCallback cleanup = exec.new Cleanup();
    cleanup.onFailure(ctx, new RuntimeException("body failed"));
    assertThatThrownBy(() -> ctx.outcome.get(10, TimeUnit.SECONDS))
        .hasRootCauseMessage("body failed");
    assertThat(exec.log).containsExactly("finished on pool");
    assertThat(ctx.completedOn).isNotSameAs(Thread.currentThread());
  }

  @Test
  void tailCallFinishesBeforeForwardingAndSuppressesCleanupFailure() {
    List<String> order = new CopyOnWriteArrayList<>();
    TestContext ctx = new TestContext();
    BodyExecutionCallback ok =
        new BodyExecutionCallback.TailCall() {
          @Override
          protected void finished(StepContext context) {
            order.add("finished");
          }
        };
    ok.onSuccess(ctx, "value");
    order.addAll(ctx.events);
    assertThat(order).containsExactly("finished", "onSuccess:value");

    TestContext failing = new TestContext();
    RuntimeException bodyError = new RuntimeException("body");
    new BodyExecutionCallback.TailCall() {
      @Override
      protected void finished(StepContext context) throws Exception {
        throw new java.io.IOException("cleanup");
      }
    }.onFailure(failing, bodyError);
    assertThat(failing.events).containsExactly("onFailure:body");
    assertThat(bodyError.getSuppressed())
        .extracting(Throwable::getMessage)
        .containsExactly("cleanup");
  }

  @Test
  void synchronousNonBlockingReturnsItsValueAndCannotResume() throws Exception {
    TestContext ctx = new TestContext();
    SynchronousNonBlockingStepExecution<String> exec =
        new SynchronousNonBlockingStepExecution<>(ctx) {
          private static final long serialVersionUID = 1L;

          @Override
          protected String run() {
            return Thread.currentThread().getName();
          }
        };
    assertThat(exec.start()).isFalse();
    assertThat((String) ctx.outcome.get(10, TimeUnit.SECONDS))
        .contains("SynchronousNonBlockingStepExecution");

    TestContext resumed = new TestContext();
    new SynchronousNonBlockingStepExecution<Void>(resumed) {
      private static final long serialVersionUID = 1L;

      @Override
      protected Void run() {
        return null;
      }
    }.onResume();
    assertThatThrownBy(() -> resumed.outcome.get(1, TimeUnit.SECONDS))
        .hasCauseInstanceOf(SynchronousResumeNotSupportedException.class);
  }
}
