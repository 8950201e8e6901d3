package io.github.planetscaleci.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The cancel hook's logic, driven directly instead of by a signal. */
class CancelHookTest {

  @Test
  void aCancelInterruptsTheWorkerAndWaitsForItsCleanup() throws Exception {
    CountDownLatch working = new CountDownLatch(1);
    AtomicBoolean cleanedUp = new AtomicBoolean();
    Thread worker =
        new Thread(
            () -> {
              try {
                working.countDown();
                new CountDownLatch(1).await(); // the ready wait, until interrupted
              } catch (InterruptedException e) {
                // Core clears the flag and cleans up; stand in for a slow delete.
                for (int i = 0; i < 1_000_000; i++) {
                  Thread.onSpinWait();
                }
                cleanedUp.set(true);
              }
            });
    worker.start();
    working.await();
    CancelHook hook = new CancelHook(worker, Duration.ofMinutes(1));
    hook.onShutdown();
    assertThat(cleanedUp).as("the hook returned only after the cleanup").isTrue();
    assertThat(worker.isAlive()).isFalse();
    assertThat(hook.finish()).as("a cancelled worker must not call System.exit").isFalse();
  }

  @Test
  void aFinishedWorkerIsNotInterrupted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread worker =
        new Thread(
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
            });
    worker.start();
    CancelHook hook = new CancelHook(worker, Duration.ofMinutes(1));
    assertThat(hook.finish()).isTrue();
    hook.onShutdown();
    release.countDown();
    worker.join();
    assertThat(interrupted).isFalse();
  }

  @Test
  void theWaitEndsAfterTheGraceWhenTheWorkerDoesNotStop() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread worker =
        new Thread(
            () -> {
              while (true) {
                try {
                  release.await();
                  return;
                } catch (InterruptedException e) {
                  // ignores the cancel
                }
              }
            });
    worker.start();
    new CancelHook(worker, Duration.ofMillis(50)).onShutdown();
    assertThat(worker.isAlive()).as("the hook gave up instead of hanging the shutdown").isTrue();
    release.countDown();
    worker.join();
  }
}
