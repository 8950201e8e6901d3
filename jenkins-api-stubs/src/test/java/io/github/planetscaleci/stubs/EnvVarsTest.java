package io.github.planetscaleci.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.junit.jupiter.api.Test;

class EnvVarsTest {

  @Test
  void keysAreCaseInsensitive() {
    EnvVars env = new EnvVars("Path", "/bin");
    assertThat(env.get("PATH")).isEqualTo("/bin");
    env.put("path", "/usr/bin");
    assertThat(env).hasSize(1).containsEntry("PATH", "/usr/bin");
  }

  @Test
  void overrideRemovesOnEmptyAndPrependsOnPlus() {
    EnvVars env = new EnvVars("PATH", "/bin", "GONE", "x");
    env.override("GONE", "");
    env.override("PATH+TOOLS", "/opt/tools");
    env.override("NEW", "v");
    assertThat(env).doesNotContainKey("GONE").containsEntry("NEW", "v");
    assertThat(env.get("PATH")).isEqualTo("/opt/tools" + File.pathSeparatorChar + "/bin");
  }

  @Test
  void putRejectsNullAndExpandLeavesUnknownVariables() {
    EnvVars env = new EnvVars("HOST", "db");
    assertThatThrownBy(() -> env.put("X", null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(env.expand("mysql://${HOST}:$PORT/$HOST")).isEqualTo("mysql://db:$PORT/db");
  }

  @Test
  void overrideExpandingAllResolvesReferencesBetweenNewEntries() {
    Map<String, String> add = new LinkedHashMap<>();
    add.put("URL", "mysql://$HOST/app");
    add.put("HOST", "branch.db");
    EnvVars env = new EnvVars().overrideExpandingAll(add);
    assertThat(env.get("URL")).isEqualTo("mysql://branch.db/app");
  }

  @Test
  void mergedExpandersApplyInOrderAndUnionSensitiveNames() throws Exception {
    EnvironmentExpander first = EnvironmentExpander.constant(Map.of("A", "1", "B", "first"));
    EnvironmentExpander secret =
        new EnvironmentExpander() {
          @Override
          public void expand(EnvVars env) {
            env.override("B", "second");
          }

          @Override
          public java.util.Set<String> getSensitiveVariables() {
            return java.util.Set.of("B");
          }
        };
    EnvironmentExpander merged = EnvironmentExpander.merge(first, secret);
    EnvVars env = new EnvVars();
    merged.expand(env);
    assertThat(env).containsEntry("A", "1").containsEntry("B", "second");
    assertThat(merged.getSensitiveVariables()).containsExactly("B");
    assertThat(EnvironmentExpander.merge(null, secret)).isSameAs(secret);
  }
}
