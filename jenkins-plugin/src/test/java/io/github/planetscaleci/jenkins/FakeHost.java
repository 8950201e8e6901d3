package io.github.planetscaleci.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import io.github.planetscaleci.core.client.Credentials.ServiceToken;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link Host} with in-memory credentials and defaults; counts credential lookups. */
final class FakeHost implements Host {
  final Map<String, ServiceToken> tokens = new ConcurrentHashMap<>();
  final Map<String, String> gitHubTokens = new ConcurrentHashMap<>();
  final AtomicInteger lookups = new AtomicInteger();
  volatile Defaults defaults = Defaults.NONE;

  FakeHost token(String credentialsId, String id, String secret) {
    tokens.put(credentialsId, new ServiceToken(id, secret));
    return this;
  }

  @Override
  public ServiceToken serviceToken(Run<?, ?> run, String credentialsId) throws AbortException {
    lookups.incrementAndGet();
    ServiceToken t = tokens.get(credentialsId);
    if (t == null) {
      throw Failures.configuration("no credentials with id '" + credentialsId + "'");
    }
    return t;
  }

  @Override
  public String gitHubToken(Run<?, ?> run, String credentialsId) throws AbortException {
    String t = gitHubTokens.get(credentialsId);
    if (t == null) {
      throw Failures.configuration("no credentials with id '" + credentialsId + "'");
    }
    return t;
  }

  @Override
  public Defaults defaults() {
    return defaults;
  }

  @Override
  public String runUrl(Run<?, ?> run) {
    return "https://jenkins.example.com/" + run.getUrl();
  }
}
