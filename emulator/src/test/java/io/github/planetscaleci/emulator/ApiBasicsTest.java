package io.github.planetscaleci.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.planetscaleci.emulator.support.Api;
import io.github.planetscaleci.emulator.support.EmulatorTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiBasicsTest extends EmulatorTestBase {

  @Override
  protected PlanetScaleEmulator.Builder configure(PlanetScaleEmulator.Builder builder) {
    return builder.serviceToken("second", "other-secret").oauthToken("oauth-123");
  }

  @BeforeAll
  void seed() {
    emu.createDatabase("acme", "app", SEED);
  }

  @Test
  void missingTokenIs401AndWrongTokenIs404() {
    Api.Reply missing = api.withAuthorization(null).get("/organizations");
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.json().path("code").asText()).isEqualTo("unauthorized");

    Api.Reply wrong = api.withAuthorization("tok-id:nope").get(db("acme", "app"));
    assertThat(wrong.status()).isEqualTo(404);
    assertThat(wrong.json().path("code").asText()).isEqualTo("not_found");
    assertThat(wrong.json().path("message").asText()).isEqualTo("Not Found");
  }

  @Test
  void everyConfiguredTokenAndBearerTokenIsAccepted() {
    assertThat(api.withAuthorization("second:other-secret").get("/organizations").status())
        .isEqualTo(200);
    assertThat(api.withAuthorization("Bearer oauth-123").get("/organizations").status())
        .isEqualTo(200);
    assertThat(api.withAuthorization("Bearer other").get("/organizations").status()).isEqualTo(404);
  }

  @Test
  void organizationsAndDatabase() {
    Api.Reply orgs = api.get("/organizations");
    assertThat(orgs.status()).isEqualTo(200);
    assertThat(orgs.json().path("type").asText()).isEqualTo("list");
    assertThat(orgs.json().path("data").findValuesAsText("name")).contains("acme");

    assertThat(api.get("/organizations/acme").json().path("database_count").asInt())
        .isGreaterThanOrEqualTo(1);
    assertThat(api.get("/organizations/nope").status()).isEqualTo(404);

    Api.Reply db = api.get(db("acme", "app"));
    assertThat(db.status()).isEqualTo(200);
    assertThat(db.json().path("default_branch").asText()).isEqualTo("main");
    assertThat(db.json().path("kind").asText()).isEqualTo("mysql");
    assertThat(db.json().path("created_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(db.json().path("id").asText()).matches("[a-z0-9]{12}");
    assertThat(api.get(db("acme", "missing")).status()).isEqualTo(404);
  }

  @Test
  void createDatabaseOverTheApi() {
    Api.Reply created = api.post("/organizations/acme/databases", "{\"name\":\"made-by-api\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(
            api.get(db("acme", "made-by-api") + "/branches/main")
                .json()
                .path("production")
                .asBoolean())
        .isTrue();
    assertThat(api.post("/organizations/acme/databases", "{\"name\":\"made-by-api\"}").status())
        .isEqualTo(422);
  }

  @Test
  void unimplementedEndpointNamesItself() {
    Api.Reply r = api.get(db("acme", "app") + "/webhooks");
    assertThat(r.status()).isEqualTo(501);
    assertThat(r.json().path("code").asText()).isEqualTo("not_implemented");
    assertThat(r.json().path("message").asText())
        .contains("GET /v1/organizations/acme/databases/app/webhooks");
  }

  @Test
  void branchListIsPagedNewestFirst() {
    emu.createDatabase("acme", "paged", null);
    for (int i = 1; i <= 4; i++) {
      assertThat(api.post(db("acme", "paged") + "/branches", "{\"name\":\"b" + i + "\"}").status())
          .isEqualTo(201);
    }
    Api.Reply first = api.get(db("acme", "paged") + "/branches?per_page=2");
    assertThat(first.json().path("current_page").asInt()).isEqualTo(1);
    assertThat(first.json().path("per_page").asInt()).isEqualTo(2);
    assertThat(first.json().path("total_count").asInt()).isEqualTo(5);
    assertThat(first.json().path("total_pages").asInt()).isEqualTo(3);
    assertThat(first.json().path("next_page").asInt()).isEqualTo(2);
    assertThat(first.json().path("prev_page").isNull()).isTrue();
    assertThat(first.json().path("data").findValuesAsText("name")).containsExactly("b4", "b3");
    String next = first.json().path("next_page_url").asText();
    assertThat(next).startsWith(emu.url()).contains("page=2");

    Api.Reply last = api.get(db("acme", "paged") + "/branches?per_page=2&page=3");
    assertThat(last.json().path("next_page").isNull()).isTrue();
    assertThat(last.json().path("next_page_url").isNull()).isTrue();
    assertThat(last.json().path("data").findValuesAsText("name")).containsExactly("main");

    assertThat(
            api.get(db("acme", "paged") + "/branches?per_page=1000")
                .json()
                .path("per_page")
                .asInt())
        .isEqualTo(100);
  }
}
