package io.github.planetscaleci.emulator;

import io.github.planetscaleci.emulator.api.Views;
import io.github.planetscaleci.emulator.diff.SchemaOpsFactory;
import io.github.planetscaleci.emulator.faults.Faults;
import io.github.planetscaleci.emulator.mysql.MysqlServer;
import io.github.planetscaleci.emulator.mysql.Secrets;
import io.github.planetscaleci.emulator.server.Auth;
import io.github.planetscaleci.emulator.server.HttpApi;
import io.github.planetscaleci.emulator.server.Routes;
import io.github.planetscaleci.emulator.service.Backend;
import io.github.planetscaleci.emulator.service.BranchService;
import io.github.planetscaleci.emulator.service.DeployService;
import io.github.planetscaleci.emulator.service.PasswordService;
import io.github.planetscaleci.emulator.service.SchemaNames;
import io.github.planetscaleci.emulator.service.Settings;
import io.github.planetscaleci.emulator.store.DatabaseState;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running parts of one emulator: MariaDB, services and the HTTP server. */
final class Runtime {
  private static final Logger LOG = LoggerFactory.getLogger(Runtime.class);
  final MysqlServer mysql;
  final Backend backend;
  final BranchService branches;
  private final HttpApi http;

  private Runtime(MysqlServer mysql, Backend backend, BranchService branches, HttpApi http) {
    this.mysql = mysql;
    this.backend = backend;
    this.branches = branches;
    this.http = http;
  }

  static Runtime start(PlanetScaleEmulator emulator, MysqlServer mysql, Faults faults)
      throws IOException {
    PlanetScaleEmulator.Builder c = emulator.config;
    Settings settings = new Settings(c.provisioningDelay, c.deployStepDelay, c.revertWindow);
    String tag = Secrets.id().substring(0, 6);
    Backend backend = new Backend(mysql, SchemaOpsFactory.create(), new SchemaNames(tag), settings);
    PasswordService passwords = new PasswordService(backend);
    BranchService branches = new BranchService(backend, passwords);
    DeployService deploys = new DeployService(backend, branches);
    HttpApi[] holder = new HttpApi[1];
    Views views =
        new Views(
            () -> "http://127.0.0.1:" + holder[0].port() + "/v1",
            mysql.host() + ":" + mysql.port());
    List<String> tokens = new ArrayList<>(c.serviceTokens);
    if (tokens.isEmpty() && c.oauthTokens.isEmpty()) {
      tokens.add(Defaults.TOKEN_ID + ":" + Defaults.TOKEN_SECRET);
    }
    holder[0] =
        new HttpApi(
            c.port,
            Routes.all(backend, branches, passwords, deploys, views),
            new Auth(tokens, c.oauthTokens),
            faults);
    holder[0].start();
    return new Runtime(mysql, backend, branches, holder[0]);
  }

  String url() {
    return "http://127.0.0.1:" + http.port() + "/v1";
  }

  EmulatorStats stats() {
    Set<String> liveUsers = new HashSet<>();
    try (Connection c = backend.admin();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT User FROM mysql.user")) {
      while (rs.next()) {
        liveUsers.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read MariaDB users: " + e.getMessage(), e);
    }
    Map<String, EmulatorStats.DatabaseStats> per = new LinkedHashMap<>();
    int branches = 0;
    int users = 0;
    int open = 0;
    synchronized (backend.state) {
      for (DatabaseState db : backend.state.databases.values()) {
        int b =
            (int) db.branches.keySet().stream().filter(n -> !n.equals(db.defaultBranch)).count();
        int u =
            (int)
                backend.state.usersByDatabase.getOrDefault(db.key(), Set.of()).stream()
                    .filter(liveUsers::contains)
                    .count();
        int o = (int) db.deployRequests.stream().filter(d -> d.state.equals("open")).count();
        per.put(db.key(), new EmulatorStats.DatabaseStats(b, u, o));
        branches += b;
        users += u;
        open += o;
      }
    }
    return new EmulatorStats(branches, users, open, Map.copyOf(per));
  }

  void close() {
    http.close();
    backend.close();
    if (mysql instanceof io.github.planetscaleci.emulator.mysql.ExternalMysql) {
      dropEverythingOnExternalServer();
    }
    mysql.close();
  }

  /** On a server we do not own, remove exactly the schemas and users this instance created. */
  private void dropEverythingOnExternalServer() {
    try (Connection c = mysql.admin();
        Statement s = c.createStatement()) {
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SHOW DATABASES")) {
        while (rs.next()) {
          if (rs.getString(1).startsWith(backend.names.instancePrefix())) {
            schemas.add(rs.getString(1));
          }
        }
      }
      for (String schema : schemas) {
        s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
      }
      synchronized (backend.state) {
        for (Set<String> users : backend.state.usersByDatabase.values()) {
          for (String user : users) {
            s.execute("DROP USER IF EXISTS '" + user + "'@'" + mysql.userHost() + "'");
          }
        }
      }
    } catch (SQLException e) {
      LOG.warn(
          "Could not remove the emulator's schemas from the external server: {}", e.getMessage());
    }
  }
}
