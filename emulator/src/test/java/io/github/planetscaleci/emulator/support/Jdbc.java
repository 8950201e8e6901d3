package io.github.planetscaleci.emulator.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** JDBC helpers for tests: rows as text, and a connection that counts its round trips. */
public final class Jdbc {
  private Jdbc() {}

  /** Runs one statement; the rows of its result (columns joined by |), empty for an update. */
  public static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      if (!s.execute(sql)) {
        return out;
      }
      try (ResultSet rs = s.getResultSet()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          out.add(String.join("|", row));
        }
      }
    }
    return out;
  }

  /** The connection, counting statement executions (round trips) on statements it creates. */
  public static Connection counting(Connection target, AtomicInteger executions) {
    return (Connection)
        Proxy.newProxyInstance(
            Jdbc.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              Object result = invoke(method, target, args);
              if (!(result instanceof Statement st) || result instanceof PreparedStatement) {
                return result;
              }
              return Proxy.newProxyInstance(
                  Jdbc.class.getClassLoader(),
                  new Class<?>[] {Statement.class},
                  (p, m, a) -> {
                    if (m.getName().startsWith("execute")) {
                      executions.incrementAndGet();
                    }
                    return invoke(m, st, a);
                  });
            });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
