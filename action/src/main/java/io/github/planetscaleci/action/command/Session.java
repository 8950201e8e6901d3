package io.github.planetscaleci.action.command;

import io.github.planetscaleci.action.Version;
import io.github.planetscaleci.core.client.ClientSettings;
import io.github.planetscaleci.core.client.Credentials;
import io.github.planetscaleci.core.client.PlanetScaleClient;
import io.github.planetscaleci.core.event.WorkflowListener;
import io.github.planetscaleci.core.model.DatabaseRef;
import io.github.planetscaleci.core.workflow.Workflows;

/** One API client and its workflows for one run, built from the options; close it at the end. */
public final class Session implements AutoCloseable {
  private final PlanetScaleClient client;
  private final Workflows workflows;
  private final DatabaseRef database;

  private Session(PlanetScaleClient client, Workflows workflows, DatabaseRef database) {
    this.client = client;
    this.workflows = workflows;
    this.database = database;
  }

  /**
   * Validates the connection options and opens a session; no request is made yet.
   *
   * @param host e.g. {@code github-action} or {@code cli}, for the user agent
   */
  public static Session open(Options options, WorkflowListener listener, String host) {
    options.require(
        Option.ORGANIZATION, Option.DATABASE, Option.SERVICE_TOKEN_ID, Option.SERVICE_TOKEN);
    ClientSettings settings =
        ClientSettings.builder(
                new Credentials.ServiceToken(
                    options.get(Option.SERVICE_TOKEN_ID), options.get(Option.SERVICE_TOKEN)))
            .baseUrl(options.apiUrl())
            .userAgentSuffix(host + "/" + Version.get())
            .build();
    PlanetScaleClient client = PlanetScaleClient.create(settings);
    return new Session(client, new Workflows(client, listener), options.database());
  }

  public Workflows workflows() {
    return workflows;
  }

  public DatabaseRef database() {
    return database;
  }

  @Override
  public void close() {
    client.close();
  }
}
