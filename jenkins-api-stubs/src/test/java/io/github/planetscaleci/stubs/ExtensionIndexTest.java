package io.github.planetscaleci.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class ExtensionIndexTest {

  /** Shaped like the plugin's safety net. */
  @Extension
  public static final class SafetyNet extends RunListener<Run<?, ?>> {
    @Override
    public void onCompleted(Run<?, ?> r, TaskListener listener) {}
  }

  @Test
  void sezPozWritesTheExtensionIndexAtCompileTime() throws Exception {
    boolean found = false;
    for (URL url :
        Collections.list(
            getClass().getClassLoader().getResources("META-INF/annotations/hudson.Extension"))) {
      try (InputStream in = url.openStream()) {
        // serialized SezPoz entries carry the class name in modified UTF-8
        found |=
            new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                .contains(SafetyNet.class.getName());
      }
    }
    assertThat(found).as("META-INF/annotations/hudson.Extension lists SafetyNet").isTrue();
  }

  @Test
  void runListenerInfersItsTargetTypeFromTheTypeArgument() {
    assertThat(new SafetyNet().targetType).isEqualTo(Run.class);
  }
}
