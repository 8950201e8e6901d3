package io.github.planetscaleci.action.command;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Every output of the action (and key of the CLI's dotenv or JSON output). */
public enum Output {
  BRANCH(
      "branch",
      "Name of the branch that was opened or used.",
      false,
      EnumSet.of(Verb.OPEN_BRANCH, Verb.CLOSE_BRANCH, Verb.DEPLOY_REQUEST)),
  CREATED(
      "created",
      "`true` if this run created the branch, `false` if it reused one.",
      false,
      EnumSet.of(Verb.OPEN_BRANCH)),
  HOST(
      "host",
      "MySQL host of the branch (`host:port` when the port is not 3306).",
      false,
      EnumSet.of(Verb.OPEN_BRANCH)),
  USERNAME(
      "username", "MySQL user name of the issued password.", false, EnumSet.of(Verb.OPEN_BRANCH)),
  PASSWORD("password", "MySQL password (masked in logs).", true, EnumSet.of(Verb.OPEN_BRANCH)),
  DATABASE(
      "database", "Database (schema) name to connect to.", false, EnumSet.of(Verb.OPEN_BRANCH)),
  DATABASE_URL(
      "database-url",
      "`mysql://user:password@host:port/database?...` URL (masked in logs).",
      true,
      EnumSet.of(Verb.OPEN_BRANCH)),
  JDBC_URL(
      "jdbc-url",
      "`jdbc:mysql://host:port/database?...` URL without credentials.",
      false,
      EnumSet.of(Verb.OPEN_BRANCH)),
  DEPLOY_REQUEST_NUMBER(
      "deploy-request-number",
      "Number of the deploy request.",
      false,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  DEPLOY_REQUEST_URL(
      "deploy-request-url",
      "Web URL of the deploy request.",
      false,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  DEPLOYMENT_STATE(
      "deployment-state",
      "Deployment state at the end, e.g. `complete` or `no_changes`.",
      false,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  CAN_DROP_DATA(
      "can-drop-data",
      "`true` if an operation of the deploy request can drop data.",
      false,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  CLOSED_REQUESTS(
      "closed-requests",
      "Sweep: the stale deploy requests closed (or, in a dry run, to close), one per line, e.g. "
          + "`#3 (ci-pr-1-r1-a1 -> main)`; empty when none.",
      false,
      EnumSet.of(Verb.SWEEP));

  private final String id;
  private final String description;
  private final boolean secret;
  private final Set<Verb> verbs;

  Output(String id, String description, boolean secret, Set<Verb> verbs) {
    this.id = id;
    this.description = description;
    this.secret = secret;
    this.verbs = verbs;
  }

  /** The commands that set this output. */
  public Set<Verb> verbs() {
    return verbs;
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
