package io.github.planetscaleci.action.command;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every setting of the action and the CLI, in one table: the action's inputs, the CLI's flags, the
 * environment fallbacks and the defaults all come from here, and a test checks that action.yml and
 * the README agree with it.
 */
public enum Option {
  COMMAND(
      "command",
      "What to do: `open-branch`, `close-branch`, `deploy-request` or `sweep`.",
      "open-branch",
      null,
      false,
      EnumSet.noneOf(Verb.class)),
  ORGANIZATION(
      "organization",
      "PlanetScale organization. Falls back to the `PLANETSCALE_ORG` environment variable.",
      "",
      "PLANETSCALE_ORG",
      false,
      EnumSet.allOf(Verb.class)),
  DATABASE("database", "PlanetScale database name.", "", null, false, EnumSet.allOf(Verb.class)),
  SERVICE_TOKEN_ID(
      "service-token-id",
      "Service token id. Falls back to `PLANETSCALE_SERVICE_TOKEN_ID`.",
      "",
      "PLANETSCALE_SERVICE_TOKEN_ID",
      false,
      EnumSet.allOf(Verb.class)),
  SERVICE_TOKEN(
      "service-token",
      "Service token secret; pass it from `secrets`. Falls back to `PLANETSCALE_SERVICE_TOKEN`.",
      "",
      "PLANETSCALE_SERVICE_TOKEN",
      true,
      EnumSet.allOf(Verb.class)),
  API_URL(
      "api-url",
      "API base URL, for the local emulator or a proxy. Falls back to `PLANETSCALE_API_URL`, "
          + "then `https://api.planetscale.com/v1`.",
      "",
      "PLANETSCALE_API_URL",
      false,
      EnumSet.allOf(Verb.class)),
  BRANCH(
      "branch",
      "Branch name. Empty: derived from the event (pull request number, run id, run attempt).",
      "",
      null,
      false,
      EnumSet.of(Verb.OPEN_BRANCH, Verb.CLOSE_BRANCH, Verb.DEPLOY_REQUEST)),
  PARENT_BRANCH(
      "parent-branch",
      "Branch to branch from. Empty: the database's default branch.",
      "",
      null,
      false,
      EnumSet.of(Verb.OPEN_BRANCH)),
  SEED_DATA(
      "seed-data",
      "`true` to copy the parent's data (Data Branching), `false` for schema only.",
      "false",
      null,
      false,
      EnumSet.of(Verb.OPEN_BRANCH)),
  PASSWORD_ROLE(
      "password-role",
      "Role of the issued password: `reader`, `writer`, `readwriter` or `admin`.",
      "admin",
      null,
      false,
      EnumSet.of(Verb.OPEN_BRANCH)),
  PASSWORD_TTL(
      "password-ttl",
      "Lifetime of the issued password, e.g. `2h` (units s, m, h, d). Empty: no expiry.",
      "",
      null,
      false,
      EnumSet.of(Verb.OPEN_BRANCH)),
  WAIT_TIMEOUT(
      "wait-timeout",
      "How long to wait for the branch, the diff or the deployment, e.g. `10m`.",
      "10m",
      null,
      false,
      EnumSet.of(Verb.OPEN_BRANCH, Verb.DEPLOY_REQUEST)),
  KEEP_BRANCH(
      "keep-branch",
      "`true` keeps the branch at job end (its passwords are still deleted).",
      "false",
      null,
      false,
      EnumSet.of(Verb.OPEN_BRANCH, Verb.CLOSE_BRANCH)),
  FORCE(
      "force",
      "close-branch: `true` deletes the branch even if this tool did not create it (never a "
          + "production or default branch).",
      "false",
      null,
      false,
      EnumSet.of(Verb.CLOSE_BRANCH)),
  INTO(
      "into",
      "Target branch of the deploy request. Empty: the branch's parent.",
      "",
      null,
      false,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  DEPLOY(
      "deploy",
      "`auto` deploys only on a merge (push to the default branch, or a merged pull request), "
          + "`always` deploys, `never` only previews.",
      "auto",
      null,
      false,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  ALLOW_DATA_LOSS(
      "allow-data-loss",
      "`true` deploys even when an operation can drop data.",
      "false",
      null,
      false,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  SKIP_REVERT(
      "skip-revert",
      "`true` ends the revert window at once after the deploy completes.",
      "false",
      null,
      false,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  COMMENT(
      "comment",
      "`true` writes the outcome into one sticky pull request comment (needs `pull-requests: "
          + "write`).",
      "true",
      null,
      false,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  GITHUB_TOKEN(
      "github-token",
      "Token for the pull request comment.",
      "${{ github.token }}",
      "GITHUB_TOKEN",
      true,
      EnumSet.of(Verb.DEPLOY_REQUEST)),
  OLDER_THAN(
      "older-than",
      "Sweep: delete this tool's branches older than this, e.g. `24h`.",
      "24h",
      null,
      false,
      EnumSet.of(Verb.SWEEP)),
  DRY_RUN(
      "dry-run",
      "Sweep: `true` lists what would be deleted and deletes nothing.",
      "false",
      null,
      false,
      EnumSet.of(Verb.SWEEP)),
  CLOSE_STALE_REQUESTS(
      "close-stale-requests",
      "Sweep: `true` also closes stale deploy requests this tool opened on such branches, then "
          + "deletes the branches; requests a person opened are never closed.",
      "false",
      null,
      false,
      EnumSet.of(Verb.SWEEP));

  private final String id;
  private final String description;
  private final String actionDefault;
  private final String environmentFallback;
  private final boolean secret;
  private final Set<Verb> verbs;

  Option(
      String id,
      String description,
      String actionDefault,
      String environmentFallback,
      boolean secret,
      Set<Verb> verbs) {
    this.id = id;
    this.description = description;
    this.actionDefault = actionDefault;
    this.environmentFallback = environmentFallback;
    this.secret = secret;
    this.verbs = verbs;
  }

  /** The kebab-case input name and CLI flag name, e.g. {@code service-token}. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /**
   * The {@code default:} in action.yml; may be an expression such as {@code ${{ github.token }}}.
   */
  public String actionDefault() {
    return actionDefault;
  }

  /** The environment variable read when the input or flag is empty, or null. */
  public String environmentFallback() {
    return environmentFallback;
  }

  /** True when the value must be masked and never printed. */
  public boolean secret() {
    return secret;
  }

  /** The commands that read this option. */
  public Set<Verb> verbs() {
    return verbs;
  }

  /** The runner's variable name: {@code INPUT_} + upper case, hyphens kept. */
  public String inputVariable() {
    return "INPUT_" + id.replace(' ', '_').toUpperCase(Locale.ROOT);
  }

  /** Finds an option by its id, or null. */
  public static Option byId(String id) {
    for (Option o : values()) {
      if (o.id.equals(id)) {
        return o;
      }
    }
    return null;
  }
}
