package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Stand-in for Jenkins core's {@code hudson.util.Secret}: a confidential string whose encrypted
 * form is {@code {base64}} (the stub's AES key lives only in this JVM, core's in
 * JENKINS_HOME/secrets).
 *
 * <p>Like core, {@link #toString()} and {@link #toString(Secret)} return the plain text: code that
 * prints a Secret leaks it, and tests against the stubs must be able to see that.
 */
public final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOGGER = Logger.getLogger(Secret.class.getName());
  private static final byte PAYLOAD_V1 = 1;
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SecretKey KEY = newKey();

  @NonNull private final String value;
  private byte[] iv;

  private Secret(String value) {
    this.value = value;
  }

  private static SecretKey newKey() {
    try {
      KeyGenerator g = KeyGenerator.getInstance("AES");
      g.init(128, RANDOM);
      return g.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns the plain text and logs a warning, exactly as core does.
   *
   * @deprecated use {@link #getPlainText()} or {@link #getEncryptedValue()}
   */
  @Override
  @Deprecated
  public String toString() {
    String from = new Throwable().getStackTrace()[1].toString();
    LOGGER.warning(
        "Use of toString() on hudson.util.Secret from "
            + from
            + ". Prefer getPlainText() or getEncryptedValue() depending your needs.");
    return value;
  }

  @NonNull
  public String getPlainText() {
    return value;
  }

  @Override
  public boolean equals(Object that) {
    return that instanceof Secret s && value.equals(s.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Encrypted form {@code {base64}}; stable for one instance, never contains the plain text. */
  public String getEncryptedValue() {
    try {
      synchronized (this) {
        if (iv == null) {
          iv = new byte[IV_BYTES];
          RANDOM.nextBytes(iv);
        }
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, KEY, new GCMParameterSpec(128, iv));
      byte[] data = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      ByteBuffer payload = ByteBuffer.allocate(1 + 4 + 4 + iv.length + data.length);
      payload.put(PAYLOAD_V1).putInt(iv.length).putInt(data.length).put(iv).put(data);
      return "{" + Base64.getEncoder().encodeToString(payload.array()) + "}";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decrypts {@code {base64}} produced in this JVM; anything else gives null. */
  @CheckForNull
  public static Secret decrypt(@CheckForNull String data) {
    if (data == null || data.length() < 2 || !data.startsWith("{") || !data.endsWith("}")) {
      return null;
    }
    try {
      ByteBuffer payload =
          ByteBuffer.wrap(Base64.getDecoder().decode(data.substring(1, data.length() - 1)));
      if (payload.get() != PAYLOAD_V1) {
        return null;
      }
      byte[] iv = new byte[payload.getInt()];
      byte[] code = new byte[payload.getInt()];
      payload.get(iv).get(code);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, KEY, new GCMParameterSpec(128, iv));
      Secret s = new Secret(new String(cipher.doFinal(code), StandardCharsets.UTF_8));
      s.iv = iv;
      return s;
    } catch (RuntimeException | GeneralSecurityException e) {
      return null; // not ours, or not encrypted at all: same as core
    }
  }

  /** Decrypts {@code data} if it is an encrypted value, else wraps it (null becomes ""). */
  @NonNull
  public static Secret fromString(@CheckForNull String data) {
    String d = data == null ? "" : data;
    Secret s = decrypt(d);
    return s != null ? s : new Secret(d);
  }

  /** Plain text of {@code s}, or "" for null, exactly as core. */
  @NonNull
  public static String toString(@CheckForNull Secret s) {
    return s == null ? "" : s.value;
  }
}
