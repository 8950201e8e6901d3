package io.github.planetscaleci.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.Secret;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String CANARY = "pscale_pw_canary-42";

  @Test
  void encryptedValueHidesThePlainTextAndRoundTrips() {
    Secret s = Secret.fromString(CANARY);
    String enc = s.getEncryptedValue();
    assertThat(enc).startsWith("{").endsWith("}").doesNotContain(CANARY);
    assertThat(s.getEncryptedValue()).isEqualTo(enc);
    assertThat(Secret.fromString(enc)).isEqualTo(s);
    assertThat(Secret.decrypt(enc).getPlainText()).isEqualTo(CANARY);
  }

  @Test
  void plainTextIsNotMistakenForCiphertext() {
    assertThat(Secret.decrypt(CANARY)).isNull();
    assertThat(Secret.decrypt("{not-base64!}")).isNull();
    assertThat(Secret.fromString("{abc}").getPlainText()).isEqualTo("{abc}");
    assertThat(Secret.fromString(null).getPlainText()).isEmpty();
    assertThat(Secret.toString(null)).isEmpty();
  }

  /**
   * Core's deprecated toString() returns the plain text; the stub does too, so a plugin that
   * string-concatenates a Secret leaks it in stub-based tests exactly as it would in Jenkins.
   */
  @Test
  @SuppressWarnings("deprecation")
  void toStringLeaksLikeCoreSoLeakTestsCanSeeIt() {
    Secret s = Secret.fromString(CANARY);
    assertThat("" + s).isEqualTo(CANARY);
    assertThat(Secret.toString(s)).isEqualTo(CANARY);
  }

  @Test
  void javaSerializationCarriesThePlainTextAsInCore() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(Secret.fromString(CANARY));
    }
    // In Jenkins only workflow-support's SecretPickle encrypts it in program.dat.
    assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).contains(CANARY);
  }
}
