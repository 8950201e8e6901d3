package io.github.planetscaleci.jenkins;

import java.io.Serializable;

/**
 * The branch of the enclosing {@code withPlanetScaleBranch}, put into its body's context so that
 * {@code planetscaleDeployRequest} inside the block knows which branch, database and credentials to
 * use. Not a record: Pipeline's serializer predates records.
 */
public final class ActiveBranch implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String organization;
  private final String database;
  private final String branch;
  private final String credentialsId;
  private final String apiUrl;

  ActiveBranch(
      String organization, String database, String branch, String credentialsId, String apiUrl) {
    this.organization = organization;
    this.database = database;
    this.branch = branch;
    this.credentialsId = credentialsId;
    this.apiUrl = apiUrl;
  }

  public String getOrganization() {
    return organization;
  }

  public String getDatabase() {
    return database;
  }

  public String getBranch() {
    return branch;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  /** The API URL the block used, or null for the default. */
  public String getApiUrl() {
    return apiUrl;
  }

  @Override
  public String toString() {
    return organization + "/" + database + " branch " + branch;
  }
}
