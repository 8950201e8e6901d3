package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.error.ApiException;
import io.github.planetscaleci.core.error.ErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Failures queued per operation (e.g. {@code passwords.create}) and a log of every call. */
final class Faults {
  private final Map<String, Deque<RuntimeException>> queued = new HashMap<>();
  private final Map<String, RuntimeException> always = new HashMap<>();
  private final Map<String, Deque<RuntimeException>> after = new HashMap<>();
  private final Map<String, Runnable> before = new HashMap<>();
  final List<String> calls = new ArrayList<>();

  /** Runs {@code hook} once, at the next call of {@code op}, before any fault is thrown. */
  Faults beforeNext(String op, Runnable hook) {
    before.put(op, hook);
    return this;
  }

  static ApiException api(ErrorCode code, int status) {
    return new ApiException(
        code, status, code.id(), "injected " + code.id() + " (" + status + ")", null);
  }

  /** The next call of {@code op} throws {@code e}. */
  Faults failNext(String op, RuntimeException e) {
    queued.computeIfAbsent(op, k -> new ArrayDeque<>()).add(e);
    return this;
  }

  /**
   * The next call of {@code op} takes effect, then throws {@code e}: an answer lost after the
   * server acted (a timeout, a dropped connection, a 5xx from a proxy).
   */
  Faults failAfterNext(String op, RuntimeException e) {
    after.computeIfAbsent(op, k -> new ArrayDeque<>()).add(e);
    return this;
  }

  /** Every call of {@code op} throws {@code e}. */
  Faults failAlways(String op, RuntimeException e) {
    always.put(op, e);
    return this;
  }

  void enter(String op) {
    calls.add(op);
    Runnable hook = before.remove(op);
    if (hook != null) {
      hook.run();
    }
    if (Thread.currentThread().isInterrupted()) {
      // Like OkHttp: a call on an interrupted thread fails at once, before reaching the server.
      throw new ApiException(
          ErrorCode.TRANSPORT_ERROR, 0, null, op + " failed: InterruptedIOException", null);
    }
    Deque<RuntimeException> q = queued.get(op);
    if (q != null && !q.isEmpty()) {
      throw q.poll();
    }
    RuntimeException e = always.get(op);
    if (e != null) {
      throw e;
    }
  }

  /** Called by an operation after it took effect. */
  void exit(String op) {
    Deque<RuntimeException> q = after.get(op);
    if (q != null && !q.isEmpty()) {
      throw q.poll();
    }
  }

  long count(String op) {
    return calls.stream().filter(op::equals).count();
  }
}
