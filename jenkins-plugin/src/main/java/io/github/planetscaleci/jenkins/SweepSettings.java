package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.SweepOptions;
import java.io.Serializable;
import java.time.Duration;

/** The validated arguments of {@code planetscaleSweep}, with global defaults applied. */
final class SweepSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  final String organization;
  final String database;
  final String credentialsId;
  final String apiUrl;
  final Duration olderThan;
  final boolean dryRun;
  final boolean closeStaleRequests;

  private SweepSettings(PlanetScaleSweepStep s, Host.Defaults d) throws AbortException {
    database = Args.required(s.getDatabase(), "database", "app");
    organization = Args.required(s.getOrganization(), d.organization(), "organization", "acme");
    credentialsId =
        Args.required(s.getCredentialsId(), d.credentialsId(), "credentialsId", "planetscale");
    apiUrl = Args.apiUrl(s.getApiUrl(), d.apiUrl());
    olderThan = Durations.parse(s.getOlderThan(), "olderThan");
    dryRun = s.isDryRun();
    closeStaleRequests = s.isCloseStaleRequests();
  }

  static SweepSettings of(PlanetScaleSweepStep step, Host.Defaults defaults) throws AbortException {
    return new SweepSettings(step, defaults);
  }

  SweepOptions options() {
    return new SweepOptions(
        new DatabaseRef(organization, database), olderThan, dryRun, closeStaleRequests);
  }
}
