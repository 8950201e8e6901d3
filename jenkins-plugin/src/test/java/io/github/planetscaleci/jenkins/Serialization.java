package io.github.planetscaleci.jenkins;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** Java serialization round trips, standing in for Pipeline's program.dat across a restart. */
final class Serialization {
  private Serialization() {}

  static byte[] write(Object... objects) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      for (Object o : objects) {
        out.writeObject(o);
      }
    }
    return bytes.toByteArray();
  }

  static Object[] read(byte[] data) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
      java.util.List<Object> out = new java.util.ArrayList<>();
      while (true) {
        try {
          out.add(in.readObject());
        } catch (java.io.EOFException end) {
          return out.toArray();
        }
      }
    }
  }
}
