package io.github.planetscaleci.jenkins;

import hudson.EnvVars;
import hudson.util.Secret;
import io.github.planetscaleci.core.workflow.BranchConnection;
import io.github.planetscaleci.core.workflow.OpenedBranch;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The body's environment: branch, host, user, password, database and URLs. Secret values are held
 * as {@link Secret} (encrypted in the saved program) and reported as sensitive variables, so
 * Pipeline warns when they are interpolated into a Groovy string.
 */
final class BranchEnvironment extends EnvironmentExpander {
  private static final long serialVersionUID = 1L;

  static final String BRANCH = "PLANETSCALE_BRANCH";
  static final String HOST = "DATABASE_HOST";
  static final String PORT = "DATABASE_PORT";
  static final String USERNAME = "DATABASE_USERNAME";
  static final String PASSWORD = "DATABASE_PASSWORD";
  static final String NAME = "DATABASE_NAME";
  static final String URL = "DATABASE_URL";
  static final String JDBC_URL = "DATABASE_JDBC_URL";

  private final HashMap<String, String> plain;
  private final HashMap<String, Secret> secret;

  private BranchEnvironment(Map<String, String> plain, Map<String, Secret> secret) {
    this.plain = new HashMap<>(plain);
    this.secret = new HashMap<>(secret);
  }

  static BranchEnvironment of(String prefix, OpenedBranch opened) {
    BranchConnection c = opened.connection();
    Map<String, String> plain = new TreeMap<>();
    plain.put(prefix + BRANCH, opened.branch().name());
    plain.put(prefix + HOST, c.host());
    plain.put(prefix + PORT, Integer.toString(c.port()));
    plain.put(prefix + USERNAME, c.username());
    plain.put(prefix + NAME, c.database());
    plain.put(prefix + JDBC_URL, c.jdbcUrl());
    Map<String, Secret> secret = new TreeMap<>();
    secret.put(prefix + PASSWORD, Secret.fromString(c.password()));
    secret.put(prefix + URL, Secret.fromString(c.mysqlUrl()));
    return new BranchEnvironment(plain, secret);
  }

  @Override
  public void expand(EnvVars env) {
    env.overrideAll(plain);
    for (Map.Entry<String, Secret> e : secret.entrySet()) {
      env.override(e.getKey(), e.getValue().getPlainText());
    }
  }

  @Override
  public Set<String> getSensitiveVariables() {
    return Set.copyOf(secret.keySet());
  }
}
