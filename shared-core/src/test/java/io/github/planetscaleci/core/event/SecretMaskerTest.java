package io.github.planetscaleci.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  @Test
  void masksEveryOccurrenceAndTheUrlEncodedForm() {
    SecretMasker masker = new SecretMasker();
    masker.add("p@ss/word+1");
    String line = "pw=p@ss/word+1 url=mysql://u:p%40ss%2Fword%2B1@h/db again p@ss/word+1";
    assertThat(masker.mask(line))
        .isEqualTo("pw=*** url=mysql://u:***@h/db again ***")
        .doesNotContain("word");
  }

  @Test
  void masksTheLongerSecretWholeWhenOneContainsAnother() {
    SecretMasker masker = new SecretMasker();
    masker.add("secret");
    masker.add("mysql://user:secret@host/db");
    assertThat(masker.mask("url mysql://user:secret@host/db")).isEqualTo("url ***");
  }

  @Test
  void ignoresNullBlankAndShortValuesSoOrdinaryTextSurvives() {
    SecretMasker masker = new SecretMasker();
    masker.add(null);
    masker.add("  ");
    masker.add("a1");
    assertThat(masker.mask("a1 b2 c3")).isEqualTo("a1 b2 c3");
    assertThat(masker.mask(null)).isNull();
    assertThat(masker.toString()).isEqualTo("SecretMasker[0 secrets]");
  }

  @Test
  void registeringListenerLearnsSecretsBeforeForwarding() {
    SecretMasker masker = new SecretMasker();
    List<String> printed = new ArrayList<>();
    WorkflowListener listener =
        masker.registering(event -> printed.add(masker.mask(event.toString())));
    listener.onEvent(new WorkflowEvent.MaskSecret("canary-7f3a9"));
    listener.onEvent(new WorkflowEvent.Info("connected with canary-7f3a9"));
    assertThat(printed).hasSize(2);
    assertThat(String.join("\n", printed)).doesNotContain("canary-7f3a9");
    assertThat(masker.toString()).doesNotContain("canary");
  }
}
