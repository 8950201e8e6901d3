package io.github.planetscaleci.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.core.model.DatabaseRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each {@code with...} method changes its own field and nothing else. */
class DeployRequestOptionsTest {
  private static final DatabaseRef DB = new DatabaseRef("acme", "app");
  private static final WaitPolicy DIFF = WaitPolicy.withTimeout(Duration.ofMinutes(3));
  private static final WaitPolicy DEPLOY = WaitPolicy.withTimeout(Duration.ofMinutes(7));

  @Test
  void theStartingPoints() {
    DeployRequestOptions preview = DeployRequestOptions.preview(DB, "feature");
    assertThat(preview.mode()).isEqualTo(DeployMode.PREVIEW);
    assertThat(preview.closeAfterPreview()).isTrue();
    DeployRequestOptions deploy = DeployRequestOptions.deploy(DB, "feature");
    assertThat(deploy.mode()).isEqualTo(DeployMode.DEPLOY);
    assertThat(deploy.allowDataLoss()).isFalse();
    assertThat(deploy.gated()).isFalse();
    assertThat(deploy.skipRevert()).isFalse();
    assertThat(deploy.deployWait().timeout()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void everyWitherChangesOnlyItsOwnField() {
    DeployRequestOptions base = DeployRequestOptions.deploy(DB, "feature");
    assertThat(base.withInto("staging"))
        .isEqualTo(withFields(base, "staging", false, false, true, false, false, null));
    assertThat(base.withAllowDataLoss(true))
        .isEqualTo(withFields(base, null, true, false, true, false, false, null));
    assertThat(base.withGatedCutover(false))
        .isEqualTo(withFields(base, null, false, true, false, false, false, null));
    assertThat(base.withSkipRevert(true))
        .isEqualTo(withFields(base, null, false, false, true, true, false, null));
    assertThat(base.withCloseAfterPreview(true))
        .isEqualTo(withFields(base, null, false, false, true, false, true, null));
    assertThat(base.withNotes("why"))
        .isEqualTo(withFields(base, null, false, false, true, false, false, "why"));
    DeployRequestOptions waits = base.withWaits(DIFF, DEPLOY);
    assertThat(waits.diffWait()).isEqualTo(DIFF);
    assertThat(waits.deployWait()).isEqualTo(DEPLOY);
    assertThat(waits.withWaits(null, null)).isEqualTo(base);
  }

  private static DeployRequestOptions withFields(
      DeployRequestOptions b,
      String into,
      boolean allowDataLoss,
      boolean gated,
      boolean applyCutover,
      boolean skipRevert,
      boolean closeAfterPreview,
      String notes) {
    return new DeployRequestOptions(
        b.database(),
        b.branch(),
        into,
        b.mode(),
        allowDataLoss,
        gated,
        applyCutover,
        skipRevert,
        closeAfterPreview,
        notes,
        b.diffWait(),
        b.deployWait());
  }
}
