package io.github.planetscaleci.core.workflow;

import io.github.planetscaleci.core.event.WorkflowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A fake PlanetScale, a fake clock, the events seen, and the workflows over them. */
final class Fixture {
  final FakeClock clock = new FakeClock();
  final FakePlanetScale ps = new FakePlanetScale(clock);
  final List<WorkflowEvent> events = new ArrayList<>();
  final Workflows workflows = new Workflows(ps, events::add, clock, new Random(42));

  List<String> messages() {
    return events.stream().map(Fixture::text).toList();
  }

  static String text(WorkflowEvent e) {
    if (e instanceof WorkflowEvent.Progress p) {
      return p.step() + ": " + p.message();
    } else if (e instanceof WorkflowEvent.Info i) {
      return "info: " + i.message();
    } else if (e instanceof WorkflowEvent.Warning w) {
      return "warning: " + w.message();
    }
    return "mask";
  }
}
