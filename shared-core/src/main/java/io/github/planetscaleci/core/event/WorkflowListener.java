package io.github.planetscaleci.core.event;

/** Receives workflow events; supplied by the wrapper, which writes them to its host's log. */
@FunctionalInterface
public interface WorkflowListener {
  /** A listener that ignores every event. */
  WorkflowListener NONE = event -> {};

  /** Called synchronously on the workflow's thread; must not throw. */
  void onEvent(WorkflowEvent event);
}
