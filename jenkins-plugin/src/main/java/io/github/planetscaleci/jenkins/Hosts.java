package io.github.planetscaleci.jenkins;

/** Holds the test override of {@link Host}; interfaces cannot have mutable static fields. */
final class Hosts {
  static volatile Host override;

  private Hosts() {}
}
