package io.github.planetscaleci.action.command;

import io.github.planetscaleci.core.error.ConfigurationException;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.model.PasswordRole;
import io.github.planetscaleci.core.naming.BranchNames;
import io.github.planetscaleci.core.workflow.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The resolved settings of one run, whether they came from {@code INPUT_*} variables or CLI flags;
 * typed getters fail with a message that names the input the way the user wrote it.
 */
public final class Options {

  private final Map<Option, String> values;
  private final Function<Option, String> describe;

  /**
   * Creates the options.
   *
   * @param values the raw values; empty strings count as unset, as the runner sends them
   * @param describe how to name an option in messages, e.g. "input `database`" or "--database"
   */
  public Options(Map<Option, String> values, Function<Option, String> describe) {
    this.values = new EnumMap<>(Option.class);
    values.forEach(
        (k, v) -> {
          if (v != null && !v.trim().isEmpty()) {
            this.values.put(k, v.trim());
          }
        });
    this.describe = describe;
  }

  /** Fills every unset option from its environment fallback, if that variable is set. */
  public static Map<Option, String> withFallbacks(
      Map<Option, String> values, Map<String, String> env) {
    Map<Option, String> out = new EnumMap<>(Option.class);
    for (Option o : Option.values()) {
      String v = values.get(o);
      if ((v == null || v.isBlank()) && o.environmentFallback() != null) {
        v = env.get(o.environmentFallback());
      }
      if (v != null && !v.isBlank()) {
        out.put(o, v);
      }
    }
    return out;
  }

  /** The value, or null when unset. */
  public String get(Option o) {
    return values.get(o);
  }

  /** How messages name this option. */
  public String describe(Option o) {
    return describe.apply(o);
  }

  /** Fails with one message listing every unset option of {@code required}. */
  public void require(Option... required) {
    List<String> missing = new ArrayList<>();
    for (Option o : required) {
      if (get(o) == null) {
        String name = describe(o);
        missing.add(
            o.environmentFallback() == null
                ? name
                : name + " (or the " + o.environmentFallback() + " environment variable)");
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigurationException("missing " + String.join(", ", missing) + ".");
    }
  }

  /** Parses every option the command reads, so bad input fails before any request is made. */
  public void validateFor(Verb verb) {
    apiUrl();
    for (Option o : Option.values()) {
      if (!o.verbs().contains(verb)) {
        continue;
      }
      switch (o) {
        case SEED_DATA,
            KEEP_BRANCH,
            FORCE,
            ALLOW_DATA_LOSS,
            SKIP_REVERT,
            COMMENT,
            DRY_RUN,
            CLOSE_STALE_REQUESTS ->
            flag(o);
        case WAIT_TIMEOUT, PASSWORD_TTL, OLDER_THAN -> duration(o);
        case PASSWORD_ROLE -> passwordRole();
        case DEPLOY -> deployPolicy();
        case BRANCH, PARENT_BRANCH, INTO -> branchName(o);
        default -> {}
      }
    }
  }

  /** The command; {@code open-branch} when unset. */
  public Verb verb() {
    String v = get(Option.COMMAND);
    try {
      return v == null ? Verb.OPEN_BRANCH : Verb.parse(v);
    } catch (IllegalArgumentException e) {
      throw bad(Option.COMMAND, e.getMessage());
    }
  }

  /** A YAML 1.2 core-schema boolean, as the toolkit's getBooleanInput accepts. */
  public boolean flag(Option o) {
    String v = get(o);
    if (v == null) {
      v = o.actionDefault();
    }
    switch (v) {
      case "true", "True", "TRUE":
        return true;
      case "false", "False", "FALSE", "":
        return false;
      default:
        throw bad(o, "must be true or false, got '" + v + "'");
    }
  }

  /** A positive duration such as {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2d}; or null. */
  public Duration duration(Option o) {
    String v = get(o);
    if (v == null) {
      v = o.actionDefault();
    }
    if (v.isEmpty()) {
      return null;
    }
    try {
      return Durations.parse(v, o.id());
    } catch (ConfigurationException e) {
      throw bad(o, e.getMessage().substring(e.getMessage().indexOf(" must ") + 1));
    }
  }

  /** The password role; {@code admin} when unset. */
  public PasswordRole passwordRole() {
    String v = get(Option.PASSWORD_ROLE);
    try {
      return v == null ? PasswordRole.ADMIN : PasswordRole.parse(v);
    } catch (IllegalArgumentException e) {
      throw bad(Option.PASSWORD_ROLE, e.getMessage());
    }
  }

  /** The deploy policy; {@code auto} when unset. */
  public DeployPolicy deployPolicy() {
    String v = get(Option.DEPLOY);
    if (v == null) {
      return DeployPolicy.AUTO;
    }
    for (DeployPolicy p : DeployPolicy.values()) {
      if (p.name().equalsIgnoreCase(v)) {
        return p;
      }
    }
    throw bad(Option.DEPLOY, "must be auto, always or never, got '" + v + "'");
  }

  /** A branch name option, checked against core's naming rule; null when unset. */
  public String branchName(Option o) {
    String v = get(o);
    if (v != null) {
      BranchNames.validate(v, describe(o));
    }
    return v;
  }

  /** The organization and database options, which must be set. */
  public DatabaseRef database() {
    require(Option.ORGANIZATION, Option.DATABASE);
    return new DatabaseRef(get(Option.ORGANIZATION), get(Option.DATABASE));
  }

  /** The API URL: explicit, else PlanetScale's; must be http(s). */
  public URI apiUrl() {
    String v = get(Option.API_URL);
    if (v == null) {
      return io.github.planetscaleci.core.client.ClientSettings.DEFAULT_BASE_URL;
    }
    try {
      URI uri = URI.create(v);
      if (uri.getHost() == null
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw bad(Option.API_URL, "must be an http(s) URL such as https://api.planetscale.com/v1");
    }
  }

  private ConfigurationException bad(Option o, String problem) {
    // A secret option never gets here with its value: only flags, durations and names are parsed.
    return new ConfigurationException(describe(o) + " " + problem + ".");
  }

  /** When a deploy request deploys. */
  public enum DeployPolicy {
    /** Deploy on a merge only. */
    AUTO,
    /** Always deploy. */
    ALWAYS,
    /** Only preview. */
    NEVER
  }
}
