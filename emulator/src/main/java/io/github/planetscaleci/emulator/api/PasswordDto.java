package io.github.planetscaleci.emulator.api;

import java.util.List;

/**
 * Password object of the password endpoints. {@code database_name} is an emulator extra: the
 * MariaDB schema to connect to, since each branch is its own schema here.
 */
public record PasswordDto(
    String id,
    String type,
    String name,
    String role,
    List<String> cidrs,
    String createdAt,
    String deletedAt,
    String expiresAt,
    String lastUsedAt,
    boolean expired,
    boolean directVtgate,
    List<String> directVtgateAddresses,
    Integer ttlSeconds,
    String accessHostUrl,
    String accessHostRegionalUrl,
    List<String> accessHostRegionalUrls,
    Common.Actor actor,
    Common.Region region,
    String username,
    String plainText,
    boolean replica,
    boolean renewable,
    DatabaseBranchRef databaseBranch,
    String databaseName) {

  /** The branch a password belongs to. */
  public record DatabaseBranchRef(
      String name,
      String id,
      boolean production,
      String mysqlEdgeAddress,
      boolean privateEdgeConnectivity,
      String accessHostUrl) {}

  @Override
  public String toString() {
    return "PasswordDto[id=" + id + ", username=" + username + ", plainText=***]";
  }
}
