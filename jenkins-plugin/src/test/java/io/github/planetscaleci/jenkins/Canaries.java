package io.github.planetscaleci.jenkins;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Looks for secrets in persisted bytes, in every encoding a serializer might have used. */
final class Canaries {
  private Canaries() {}

  /** Fails naming the encoding if any {@code secret} occurs in {@code data}. */
  static void assertAbsent(String what, byte[] data, String... secrets) throws IOException {
    for (String secret : secrets) {
      if (secret == null || secret.isEmpty()) {
        throw new IllegalArgumentException("no canary to look for in " + what);
      }
      check(what, data, "UTF-8", secret.getBytes(StandardCharsets.UTF_8));
      check(what, data, "UTF-16BE", secret.getBytes(StandardCharsets.UTF_16BE));
      check(what, data, "UTF-16LE", secret.getBytes(StandardCharsets.UTF_16LE));
      check(what, data, "modified UTF-8", modifiedUtf8(secret));
    }
  }

  /** True if {@code secret} occurs in {@code data} as UTF-8 (to show a check is not blind). */
  static boolean containsUtf8(byte[] data, String secret) {
    return indexOf(data, secret.getBytes(StandardCharsets.UTF_8)) >= 0;
  }

  private static void check(String what, byte[] data, String encoding, byte[] needle) {
    if (indexOf(data, needle) >= 0) {
      throw new AssertionError(what + " holds a secret in " + encoding);
    }
  }

  /** DataOutput.writeUTF's encoding (Java serialization's strings) without its length prefix. */
  private static byte[] modifiedUtf8(String s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new DataOutputStream(b).writeUTF(s);
    byte[] all = b.toByteArray();
    return Arrays.copyOfRange(all, 2, all.length);
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
