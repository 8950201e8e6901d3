package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.PasswordRole;
import io.github.planetscaleci.core.workflow.OpenBranchRequest;
import io.github.planetscaleci.core.workflow.WaitPolicy;
import java.io.Serializable;
import java.time.Duration;

/**
 * The validated arguments of {@code withPlanetScaleBranch}, with global defaults applied; kept by
 * the execution across restarts (no secrets, no records: Pipeline serializes it).
 */
final class BranchSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  final String organization;
  final String database;
  final String credentialsId;
  final String apiUrl;
  final String branch;
  final String parentBranch;
  final boolean seedData;
  final PasswordRole passwordRole;
  final Duration passwordTtl;
  final Duration waitTimeout;
  final boolean keepBranch;
  final String envPrefix;

  private BranchSettings(PlanetScaleBranchStep s, Host.Defaults d) throws AbortException {
    database = Args.required(s.getDatabase(), "database", "app");
    organization = Args.required(s.getOrganization(), d.organization(), "organization", "acme");
    credentialsId =
        Args.required(s.getCredentialsId(), d.credentialsId(), "credentialsId", "planetscale");
    apiUrl = Args.apiUrl(s.getApiUrl(), d.apiUrl());
    branch = Args.branch(s.getBranch(), "branch name");
    parentBranch = Args.branch(s.getParentBranch(), "parent branch");
    seedData = s.isSeedData();
    passwordRole = Args.role(s.getPasswordRole());
    passwordTtl = Durations.parse(s.getPasswordTtl(), "passwordTtl");
    waitTimeout = Durations.parse(s.getWaitTimeout(), "waitTimeout");
    keepBranch = s.isKeepBranch();
    envPrefix = Args.envPrefix(s.getEnvPrefix());
  }

  /** Validates {@code step}; throws before anything reaches the API. */
  static BranchSettings of(PlanetScaleBranchStep step, Host.Defaults defaults)
      throws AbortException {
    return new BranchSettings(step, defaults);
  }

  DatabaseRef databaseRef() {
    return new DatabaseRef(organization, database);
  }

  OpenBranchRequest request(String branchName, String ciDescription) {
    return new OpenBranchRequest(
        databaseRef(),
        branchName,
        parentBranch,
        seedData,
        passwordRole,
        passwordTtl,
        waitTimeout == null ? null : WaitPolicy.withTimeout(waitTimeout),
        ciDescription,
        keepBranch);
  }
}
