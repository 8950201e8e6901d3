package io.github.planetscaleci.jenkins;

import hudson.util.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Java serialization round trips standing in for Pipeline's program.dat across a restart, including
 * workflow-support's {@code SecretPickle}: a {@link Secret} is written as its encrypted value
 * (plain Java serialization would write its plain text, in Jenkins as in the stubs).
 */
final class Serialization {
  private Serialization() {}

  /** What a Secret becomes in program.dat. */
  private record SecretPickle(String encrypted) implements Serializable {}

  static byte[] write(Object... objects) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new PicklingOutput(bytes)) {
      for (Object o : objects) {
        out.writeObject(o);
      }
    }
    return bytes.toByteArray();
  }

  static Object[] read(byte[] data) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new UnpicklingInput(new ByteArrayInputStream(data))) {
      List<Object> out = new ArrayList<>();
      while (true) {
        try {
          out.add(in.readObject());
        } catch (EOFException end) {
          return out.toArray();
        }
      }
    }
  }

  private static final class PicklingOutput extends ObjectOutputStream {
    PicklingOutput(ByteArrayOutputStream out) throws IOException {
      super(out);
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) {
      return obj instanceof Secret s ? new SecretPickle(s.getEncryptedValue()) : obj;
    }
  }

  private static final class UnpicklingInput extends ObjectInputStream {
    UnpicklingInput(ByteArrayInputStream in) throws IOException {
      super(in);
      enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object obj) {
      return obj instanceof SecretPickle p ? Secret.fromString(p.encrypted()) : obj;
    }
  }
}
