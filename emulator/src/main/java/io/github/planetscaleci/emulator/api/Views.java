package io.github.planetscaleci.emulator.api;

import static io.github.planetscaleci.emulator.store.Times.format;

import io.github.planetscaleci.emulator.diff.SchemaOps.Lint;
import io.github.planetscaleci.emulator.store.BranchState;
import io.github.planetscaleci.emulator.store.DatabaseState;
import io.github.planetscaleci.emulator.store.PasswordState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Renders organizations, databases, branches, passwords and lint as API objects. */
public final class Views {
  private final Supplier<String> apiUrl;
  private final String accessHost;

  /**
   * {@code apiUrl} ends in {@code /v1} (known once the server is bound); {@code accessHost} is
   * MariaDB's host:port.
   */
  public Views(Supplier<String> apiUrl, String accessHost) {
    this.apiUrl = apiUrl;
    this.accessHost = accessHost;
  }

  /** Absolute URL of an API path such as {@code /organizations/acme}. */
  public String api(String path) {
    return apiUrl.get() + path;
  }

  /** Emulator stand-in for app.planetscale.com links. */
  public String html(String path) {
    return apiUrl.get().replaceFirst("/v1$", "") + "/app" + path;
  }

  public OrganizationDto organization(String id, String name, Instant createdAt, int databases) {
    return new OrganizationDto(
        id,
        name,
        "emulator@localhost",
        format(createdAt),
        format(createdAt),
        "scaler_pro",
        true,
        false,
        false,
        false,
        false,
        false,
        databases,
        null,
        Map.of(),
        false,
        "0",
        32,
        false,
        false);
  }

  public DatabaseDto database(DatabaseState db) {
    long dev = db.branches.values().stream().filter(b -> !b.production).count();
    String path = "/organizations/" + db.org + "/databases/" + db.name;
    return new DatabaseDto(
        db.id,
        "Database",
        api(path),
        api(path + "/branches"),
        db.branches.size(),
        0,
        (int) dev,
        db.branches.size() - (int) dev,
        0,
        false,
        true,
        false,
        false,
        null,
        Common.Region.LOCAL,
        html("/" + db.org + "/" + db.name),
        db.name,
        "ready",
        false,
        0,
        0,
        0,
        db.defaultBranch,
        false,
        false,
        false,
        false,
        false,
        false,
        true,
        false,
        null,
        false,
        false,
        "scaler_pro",
        false,
        false,
        null,
        null,
        format(db.createdAt),
        format(db.updatedAt),
        null,
        "mysql");
  }

  public BranchDto branch(DatabaseState db, BranchState b) {
    String path = "/organizations/" + db.org + "/databases/" + db.name + "/branches/" + b.name;
    return new BranchDto(
        b.id,
        "Branch",
        b.name,
        format(b.createdAt),
        format(b.updatedAt),
        format(b.deletedAt),
        null,
        format(b.schemaLastUpdatedAt),
        "mysql",
        accessHost,
        accessHost,
        accessHost,
        b.ready ? "ready" : "pending",
        false,
        "vg.dev",
        null,
        1,
        false,
        null,
        null,
        "PS_DEV",
        null,
        b.ready,
        b.ready,
        false,
        b.production,
        b.safeMigrations,
        false,
        false,
        0,
        1,
        false,
        Common.Actor.EMULATOR,
        null,
        false,
        false,
        false,
        html("/" + db.org + "/" + db.name + "/" + b.name),
        api(path),
        Common.Region.LOCAL,
        b.parent,
        Map.of());
  }

  public PasswordDto password(BranchState b, PasswordState p, String plainText) {
    return new PasswordDto(
        p.id,
        "Password",
        p.name,
        p.role,
        null,
        format(p.createdAt),
        null,
        format(p.expiresAt),
        null,
        p.expired,
        false,
        List.of(),
        p.ttlSeconds,
        accessHost,
        accessHost,
        List.of(accessHost),
        Common.Actor.EMULATOR,
        Common.Region.LOCAL,
        p.username,
        plainText,
        false,
        false,
        new PasswordDto.DatabaseBranchRef(
            b.name, b.id, b.production, accessHost, false, accessHost),
        b.schema);
  }

  public SchemaLintDto schemaLint(String keyspace, Lint l) {
    return new SchemaLintDto(
        "SchemaLintError",
        l.lintError(),
        "table",
        keyspace,
        l.table(),
        l.description(),
        l.docsUrl(),
        l.column() == null ? "" : l.column(),
        List.of(),
        List.of(),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "");
  }

  /** A table text with its HTML form (escaped, one line per line). */
  public static Common.TableText tableText(String name, String raw) {
    String escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return new Common.TableText(name, "<pre>" + escaped + "</pre>", raw);
  }
}
