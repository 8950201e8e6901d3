package io.github.planetscaleci.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionUrlsTest {
  @Test
  void tlsUrlsVerifyTheServerAndEncodeCredentials() {
    BranchConnection c =
        new BranchConnection(
            "aws.connect.psdb.cloud", 3306, "u@ser", "p:w/d+%@ x", "app", "ci-a", true);
    assertThat(c.mysqlUrl())
        .isEqualTo(
            "mysql://u%40ser:p%3Aw%2Fd%2B%25%40%20x@aws.connect.psdb.cloud:3306/app?sslmode=verify_identity");
    assertThat(c.jdbcUrl())
        .isEqualTo("jdbc:mysql://aws.connect.psdb.cloud:3306/app?sslMode=VERIFY_IDENTITY");
  }

  @Test
  void loopbackUrlsDisableTls() {
    BranchConnection c =
        new BranchConnection("127.0.0.1", 33061, "u", "p", "acme_app_ci", "ci-a", false);
    assertThat(c.mysqlUrl()).isEqualTo("mysql://u:p@127.0.0.1:33061/acme_app_ci");
    assertThat(c.jdbcUrl())
        .isEqualTo(
            "jdbc:mysql://127.0.0.1:33061/acme_app_ci?sslMode=DISABLED&allowPublicKeyRetrieval=true");
    BranchConnection v6 = new BranchConnection("::1", 3306, "u", "p", "d", "b", false);
    assertThat(v6.jdbcUrl()).startsWith("jdbc:mysql://[::1]:3306/d?");
  }

  @Test
  void parsesAccessHostUrl() {
    assertThat(ConnectionUrls.parseHost("abc.us-east-4.psdb.cloud"))
        .isEqualTo(new ConnectionUrls.HostPort("abc.us-east-4.psdb.cloud", 3306));
    assertThat(ConnectionUrls.parseHost("127.0.0.1:40123"))
        .isEqualTo(new ConnectionUrls.HostPort("127.0.0.1", 40123));
    assertThat(ConnectionUrls.parseHost("[::1]:3307"))
        .isEqualTo(new ConnectionUrls.HostPort("::1", 3307));
    assertThat(ConnectionUrls.parseHost("[::1]"))
        .isEqualTo(new ConnectionUrls.HostPort("::1", 3306));
    assertThatThrownBy(() -> ConnectionUrls.parseHost("host:99999"))
        .hasMessageContaining("invalid port");
  }

  @Test
  void onlyLoopbackHostsCountAsLocal() {
    assertThat(ConnectionUrls.isLoopback("127.0.0.1")).isTrue();
    assertThat(ConnectionUrls.isLoopback("localhost")).isTrue();
    assertThat(ConnectionUrls.isLoopback("::1")).isTrue();
    assertThat(ConnectionUrls.isLoopback("127.example.com")).isFalse();
    assertThat(ConnectionUrls.isLoopback("aws.connect.psdb.cloud")).isFalse();
  }
}
