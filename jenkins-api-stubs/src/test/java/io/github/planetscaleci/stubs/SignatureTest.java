package io.github.planetscaleci.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins every public stub type to {@code expected-signatures.txt}, a table reviewed line by line
 * against docs §2 of the Jenkins reference: an edit that changes a kind, modifier, supertype,
 * generic signature, throws clause or annotation, or adds/removes a member or type, fails here.
 *
 * <p>After an intended change, regenerate with {@code -Dstubs.regenerate=true}, then review the
 * diff of the table against the real API before committing.
 */
class SignatureTest {

  @Test
  void stubsMatchTheReviewedSignatureTable() throws Exception {
    List<String> actual = new ArrayList<>();
    for (String name : SignatureRenderer.allStubTypes()) {
      actual.addAll(SignatureRenderer.render(Class.forName(name)));
    }
    if (Boolean.getBoolean("stubs.regenerate")) {
      Files.write(
          Path.of("src/test/resources/expected-signatures.txt"), actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).containsExactlyElementsOf(expected());
  }

  private static List<String> expected() throws IOException {
    try (InputStream in = SignatureTest.class.getResourceAsStream("/expected-signatures.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(text.split("\n"))
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }
}
