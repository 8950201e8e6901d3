package io.github.planetscaleci.core.workflow;

/** Builds connection URLs for {@link BranchConnection}. */
final class ConnectionUrls {
  private ConnectionUrls() {}

  static String mysqlUrl(BranchConnection c) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  static String jdbcUrl(BranchConnection c) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
