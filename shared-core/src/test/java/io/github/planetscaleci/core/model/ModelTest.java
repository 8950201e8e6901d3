package io.github.planetscaleci.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's own parsing and defaults. */
class ModelTest {
  @Test
  void deploymentStatesRoundTripTheApiSpelling() {
    for (DeploymentState s : DeploymentState.values()) {
      assertThat(DeploymentState.fromApi(s.apiValue())).isEqualTo(s);
    }
    assertThat(DeploymentState.fromApi("Complete_Pending_Revert "))
        .isEqualTo(DeploymentState.COMPLETE_PENDING_REVERT);
    assertThat(DeploymentState.fromApi("something_new")).isEqualTo(DeploymentState.UNKNOWN);
    assertThat(DeploymentState.fromApi(null)).isEqualTo(DeploymentState.UNKNOWN);
  }

  @Test
  void passwordRolesParseCaseInsensitively() {
    assertThat(PasswordRole.parse(" ReadWriter")).isEqualTo(PasswordRole.READWRITER);
    assertThat(PasswordRole.ADMIN.apiValue()).isEqualTo("admin");
    assertThatThrownBy(() -> PasswordRole.parse("root"))
        .hasMessageContaining("reader, writer, readwriter, admin");
  }

  @Test
  void deploymentDefaultsNullsAndCopiesLists() {
    Deployment d =
        new Deployment(
            null, null, false, false, null, null, null, null, null, null, null, null, null, null);
    assertThat(d.state()).isEqualTo(DeploymentState.UNKNOWN);
    assertThat(d.deployOperations()).isEmpty();
    assertThat(d.lintErrors()).isEmpty();
    DeployRequest dr =
        new DeployRequest(
            null, 1, "b", "main", "open", null, false, null, null, null, null, null, null, null);
    assertThat(dr.deploymentState()).isEqualTo(DeploymentState.UNKNOWN);
    assertThat(dr.isOpen()).isTrue();
    assertThat(List.of(DeploymentState.COMPLETE, DeploymentState.COMPLETE_PENDING_REVERT))
        .allMatch(DeploymentState::isDeployed);
  }

  @Test
  void databaseRefRejectsBlanksAndPrintsOrgSlashDb() {
    assertThat(new DatabaseRef("acme", "app")).hasToString("acme/app");
    assertThatThrownBy(() -> new DatabaseRef(" ", "app"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
