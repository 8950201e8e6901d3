package io.github.planetscaleci.action.command;

import java.util.Locale;

/** Every output of the action (and key of the CLI's dotenv or JSON output). */
public enum Output {
  BRANCH("branch", "Name of the branch that was opened or used.", false),
  CREATED("created", "`true` if this run created the branch, `false` if it reused one.", false),
  HOST("host", "MySQL host of the branch (`host:port` when the port is not 3306).", false),
  USERNAME("username", "MySQL user name of the issued password.", false),
  PASSWORD("password", "MySQL password (masked in logs).", true),
  DATABASE("database", "Database (schema) name to connect to.", false),
  DATABASE_URL(
      "database-url", "`mysql://user:password@host/database?...` URL (masked in logs).", true),
  JDBC_URL("jdbc-url", "`jdbc:mysql://host/database?...` URL without credentials.", false),
  DEPLOY_REQUEST_NUMBER("deploy-request-number", "Number of the deploy request.", false),
  DEPLOY_REQUEST_URL("deploy-request-url", "Web URL of the deploy request.", false),
  DEPLOYMENT_STATE(
      "deployment-state", "Deployment state at the end, e.g. `complete` or `no_changes`.", false),
  CAN_DROP_DATA(
      "can-drop-data", "`true` if an operation of the deploy request can drop data.", false);

  private final String id;
  private final String description;
  private final boolean secret;

  Output(String id, String description, boolean secret) {
    this.id = id;
    this.description = description;
    this.secret = secret;
  }

  /** The action output name, e.g. {@code database-url}. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** True when the value is a secret (masked before it is written). */
  public boolean secret() {
    return secret;
  }

  /** The CLI's dotenv key, e.g. {@code DATABASE_URL}. */
  public String envKey() {
    return id.replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
