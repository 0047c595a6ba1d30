package org.claimwire.query.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.events.PubStatus;
import org.claimwire.query.TestEvents;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.claimwire.testsupport.ServesOpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint and filter over the seed story and a second (German) story from the same source. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ApiTest implements ServesOpenApiContract {
    static final String SEED = "urn:test:api:seed";
    static final String DE = "urn:test:api:de";
    static final String SOURCE = "ApiWire";
    static long seedId;
    static long deId;

    @BeforeEach
    void load() {
        if (seedId != 0) {
            return;
        }
        EnrichedStory seed = TestEvents.seed(SEED, 1, Instant.parse("2025-03-01T09:00:00Z"));
        seed = new EnrichedStory(TestEvents.story(SEED, 1, PubStatus.USABLE, seed.story().headline(), seed.story().body(),
                Instant.parse("2025-03-01T09:00:00Z"), "en", SOURCE), seed.enrichment(), seed.nlpModel(), seed.enrichedAt());
        TestEvents.send(seed);
        String body = "Kremlsprecher Dmitry Peskov wollte das Telefonat weder bestätigen noch dementieren.";
        var peskov = TestEvents.entity("e1", "Dmitry Peskov", EntityType.PERSON, List.of("Kremlsprecher"), body, "Dmitry Peskov");
        TestEvents.send(TestEvents.enriched(TestEvents.story(DE, 1, PubStatus.USABLE, "Kreml schweigt zum Telefonat", body,
                Instant.parse("2025-03-02T09:00:00Z"), "de", SOURCE), List.of(peskov), List.<Enrichment.Claim>of()));
        seedId = Api.awaitStory(SEED, 1);
        deId = Api.awaitStory(DE, 1);
    }

    @Test
    void storiesNewestFirstWithFiltersAndCursor() {
        given().queryParam("source", SOURCE).get("/api/v1/stories").then().statusCode(200)
                .body("items.uri", equalTo(List.of(DE, SEED))).body("nextCursor", nullValue());
        JsonPath p1 = given().queryParam("source", SOURCE).queryParam("limit", 1).get("/api/v1/stories").then().statusCode(200)
                .body("items.uri", equalTo(List.of(DE))).body("nextCursor", notNullValue()).extract().jsonPath();
        given().queryParam("source", SOURCE).queryParam("limit", 1).queryParam("cursor", p1.getString("nextCursor"))
                .get("/api/v1/stories").then().statusCode(200).body("items.uri", equalTo(List.of(SEED)))
                .body("nextCursor", nullValue());
        given().queryParam("source", SOURCE).queryParam("language", "en").get("/api/v1/stories").then()
                .body("items.uri", equalTo(List.of(SEED)));
        given().queryParam("source", SOURCE).queryParam("from", "2025-03-02").get("/api/v1/stories").then()
                .body("items.uri", equalTo(List.of(DE)));
        given().queryParam("source", SOURCE).queryParam("to", "2025-03-02").get("/api/v1/stories").then()
                .body("items.uri", equalTo(List.of(SEED)));
        // lemma-aware: "spoken" finds "spoke"/"speak" forms in the seed story ("have spoken")
        given().queryParam("source", SOURCE).queryParam("q", "speaking").get("/api/v1/stories").then()
                .body("items.uri", equalTo(List.of(SEED)));
        given().queryParam("source", SOURCE).queryParam("entity", "Volodymyr Zelensky").get("/api/v1/stories").then()
                .body("items.uri", equalTo(List.of(SEED)));
        given().queryParam("source", SOURCE).queryParam("entity", "Peskov").get("/api/v1/stories").then()
                .body("items.uri", equalTo(List.of(DE, SEED)));
        given().queryParam("source", SOURCE).queryParam("entity", "Nobody Atall").get("/api/v1/stories").then()
                .body("items.size()", equalTo(0));
        // Each listed story names its people, most mentioned first.
        given().queryParam("source", SOURCE).queryParam("language", "en").get("/api/v1/stories").then()
                .body("items[0].entities.findAll { it.type == 'PERSON' }.name", org.hamcrest.Matchers.hasItems(
                        "Dmitry Peskov", "Donald Trump", "Vladimir Putin", "Volodymyr Zelensky"))
                .body("items[0].entities[0].mentions", org.hamcrest.Matchers.greaterThan(1));
    }

    @Test
    void browsersOnOtherOriginsMayReadButNotWrite() {
        given().header("Origin", "https://newsroom.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/stories").then().statusCode(200)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.anyOf(equalTo("*"), equalTo("https://newsroom.example")))
                .header("Access-Control-Allow-Methods", containsString("GET"));
        given().header("Origin", "https://newsroom.example").get("/api/v1/stories").then().statusCode(200)
                .header("Access-Control-Allow-Origin", notNullValue());
        // POST passes CORS (same-origin pages post to ask) and the origin guard refuses other origins' writes
        given().header("Origin", "https://newsroom.example").contentType("application/json").body("{\"q\":\"x\"}")
                .post("/api/v1/ask").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void frameworkErrorsAreProblemsToo() {
        given().get("/api/v1/no-such-route").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("about:blank")).body("title", equalTo("Not Found")).body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-route"));
        given().delete("/api/v1/stories").then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("about:blank")).body("status", equalTo(405));
        given().get("/api/v1/stories/999999999").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://claimwire.org/problems/not-found")).body("title", equalTo("Not found"));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("cursor", "garbage").get("/api/v1/stories").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400)).body("title", notNullValue())
                .body("type", containsString("invalid-cursor")).body("instance", equalTo("/api/v1/stories"));
        given().queryParam("limit", 0).get("/api/v1/claims").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("from", "yesterday").get("/api/v1/claims").then().statusCode(400)
                .body("detail", containsString("from"));
        given().queryParam("stance", "MAYBE").get("/api/v1/claims").then().statusCode(400)
                .body("detail", containsString("DENIES"));
        given().queryParam("type", "ANIMAL").get("/api/v1/entities").then().statusCode(400);
        given().get("/api/v1/search").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/stories/999999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/entities/999999999").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("uri", "urn:nope").get("/api/v1/stories").then().statusCode(404);
        // a stories cursor is no claims cursor
        String storiesCursor = given().queryParam("limit", 1).get("/api/v1/stories").jsonPath().getString("nextCursor");
        given().queryParam("cursor", storiesCursor).get("/api/v1/claims").then().statusCode(400);
    }

    @Test
    void storyByIdAndUri() {
        given().get("/api/v1/stories/" + seedId).then().statusCode(200).body("uri", equalTo(SEED))
                .body("source", equalTo(SOURCE)).body("language", equalTo("en"))
                .body("entities.find { it.canonicalName == 'Dmitry Peskov' }.mentions.size()", equalTo(5))
                .body("claims.size()", equalTo(19));
        given().queryParam("uri", SEED).get("/api/v1/stories").then().statusCode(200).body("id", equalTo((int) seedId));
    }

    @Test
    void storyAsNinjsValidatesAgainstIptcSchema() throws Exception {
        String ninjs = given().queryParam("format", "ninjs").get("/api/v1/stories/" + seedId).then().statusCode(200)
                .contentType(containsString("application/ninjs+json")).body("uri", equalTo(SEED))
                .body("people.name", org.hamcrest.Matchers.hasItem("Dmitry Peskov"))
                .body("descriptions[0].role", equalTo("claimwire:claims")).extract().asString();
        org.assertj.core.api.Assertions.assertThat(org.claimwire.query.export.NinjsStoryTest.NINJS_31.validate(
                org.claimwire.events.EventJson.mapper().readTree(ninjs))).isEmpty();
        given().queryParam("format", "rss").get("/api/v1/stories/" + seedId).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void entitiesByPrefixFuzzyAndTitleRankedByMentions() {
        given().queryParam("q", "pesk").get("/api/v1/entities").then().statusCode(200)
                .body("items[0].name", equalTo("Dmitry Peskov")).body("items[0].type", equalTo("PERSON"));
        given().queryParam("q", "Peskof").get("/api/v1/entities").then().body("items.name", hasItem("Dmitry Peskov"));
        given().queryParam("q", "zelenskiy").get("/api/v1/entities").then().body("items.name", hasItem("Volodymyr Zelensky"));
        given().queryParam("q", "spokesman").get("/api/v1/entities").then().body("items.name", hasItem("Dmitry Peskov"));
        given().queryParam("q", "tass").queryParam("type", "organization").get("/api/v1/entities").then()
                .body("items[0].name", equalTo("TASS")).body("items.type", everyItemIs("ORGANIZATION"));
        JsonPath all = given().queryParam("type", "PERSON").queryParam("limit", 3).get("/api/v1/entities").jsonPath();
        List<Long> counts = all.getList("items.mentionCount", Long.class);
        assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(all.getString("nextCursor")).isNotNull();
        given().queryParam("type", "PERSON").queryParam("limit", 3).queryParam("cursor", all.getString("nextCursor"))
                .get("/api/v1/entities").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String v) {
        return org.hamcrest.Matchers.everyItem(equalTo(v));
    }

    @Test
    void entityDetailExplainsItself() {
        long peskov = Api.entityId("Dmitry Peskov", "PERSON");
        JsonPath j = given().get("/api/v1/entities/" + peskov).then().statusCode(200).extract().jsonPath();
        assertThat(j.getString("name")).isEqualTo("Dmitry Peskov");
        assertThat(j.getList("aliases", String.class)).contains("Dmitry Peskov");
        assertThat(j.getList("titles", String.class)).contains("Kremlin spokesman", "Kremlsprecher");
        assertThat(j.getLong("mentionCount")).isGreaterThanOrEqualTo(6);
        assertThat(j.getLong("storyCount")).isGreaterThanOrEqualTo(2);
        assertThat(j.getList("coMentioned.name", String.class)).contains("Donald Trump", "Vladimir Putin");
        // one statement returns the entity, its aliases and co-mentions (UNION ALL): each list keeps its order
        assertThat(j.getList("coMentioned.storyCount", Long.class)).isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .hasSizeLessThanOrEqualTo(10);
        assertThat(j.getList("aliasSources.kind", String.class)).isSorted().contains("NAME", "TITLE");
        assertThat(j.getList("coMentioned.id", Long.class)).doesNotContain(peskov);
        assertThat(j.getLong("claimsBy.count")).isGreaterThanOrEqualTo(7);
        assertThat(j.getString("claimsBy.href")).isEqualTo("/api/v1/claims?speaker=" + peskov);
        assertThat(j.getList("aliasSources.find { it.name == 'Kremlsprecher' }.stories.uri", String.class)).contains(DE);
        long trump = Api.entityId("Donald Trump", "PERSON");
        given().get("/api/v1/entities/" + trump).then().body("claimsAbout.count", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void claimsBySpeakerAboutStanceModeRecipientTextAndTime() {
        // everything Peskov said about Trump
        JsonPath j = given().queryParam("speaker", "Peskov").queryParam("about", "Trump").queryParam("limit", 200)
                .get("/api/v1/claims").then().statusCode(200).extract().jsonPath();
        assertThat(j.getList("items.findAll { it.uri == '" + SEED + "' }.content", String.class))
                .contains("Putin was ready to have telephone communication with Trump");
        assertThat(j.getList("items.speaker.name", String.class)).containsOnly("Dmitry Peskov");
        // every denial
        assertThat(given().queryParam("stance", "denies").queryParam("limit", 200).get("/api/v1/claims").jsonPath()
                .getList("items.findAll { it.uri == '" + SEED + "' }.localId", String.class)).containsExactly("C11");
        // every claim made to TASS
        assertThat(given().queryParam("recipient", "TASS").queryParam("limit", 200).get("/api/v1/claims").jsonPath()
                .getList("items.findAll { it.uri == '" + SEED + "' }.localId", String.class))
                .containsExactlyInAnyOrder("C8", "C9", "C10"); // C9, C10: TASS carried over (gold "tass?")
        assertThat(given().queryParam("speaker", "Donald Trump").queryParam("mode", "DIRECT").queryParam("limit", 200)
                .get("/api/v1/claims").jsonPath().getList("items.findAll { it.uri == '" + SEED + "' }.localId", String.class))
                .containsExactlyInAnyOrder("C6", "C18", "C19");
        assertThat(given().queryParam("q", "confirm").queryParam("limit", 200).get("/api/v1/claims").jsonPath()
                .getList("items.findAll { it.uri == '" + SEED + "' }.localId", String.class))
                .containsExactlyInAnyOrder("C1", "C8", "C10");
        // time: C1 was said "today" = 2025-02-10; the rest carry the story time (2025-03-01)
        assertThat(given().queryParam("speaker", "Peskov").queryParam("from", "2025-02-10").queryParam("to", "2025-02-11")
                .queryParam("limit", 200).get("/api/v1/claims").jsonPath()
                .getList("items.findAll { it.uri == '" + SEED + "' }.localId", String.class)).containsExactly("C1");
        // pagination: newest first, no overlaps
        JsonPath p1 = given().queryParam("speaker", "Donald Trump").queryParam("limit", 5).get("/api/v1/claims").jsonPath();
        JsonPath p2 = given().queryParam("speaker", "Donald Trump").queryParam("limit", 5)
                .queryParam("cursor", p1.getString("nextCursor")).get("/api/v1/claims").jsonPath();
        assertThat(p2.getList("items.id", Long.class)).doesNotContainAnyElementsOf(p1.getList("items.id", Long.class));
    }

    @Test
    void fullTextSearchIsLemmaAwareRankedWithSnippets() {
        // "speak" finds the story's "have spoken" (irregular form) and marks it in the snippet
        JsonPath s = given().queryParam("q", "speak").queryParam("limit", 50).get("/api/v1/search").then()
                .statusCode(200).extract().jsonPath();
        assertThat(s.getString("items.find { it.uri == '" + SEED + "' && it.kind == 'story' }.snippet"))
                .contains("<mark>spoken</mark>");
        JsonPath j = given().queryParam("q", "spoken Putin").queryParam("limit", 50).get("/api/v1/search").then()
                .statusCode(200).extract().jsonPath();
        assertThat(j.getList("items.uri", String.class)).contains(SEED);
        List<Double> ranks = j.getList("items.rank", Double.class);
        assertThat(ranks).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        JsonPath c = given().queryParam("q", "concrete plan").get("/api/v1/search").jsonPath();
        assertThat(c.getList("items.kind", String.class)).contains("claim", "story");
        JsonPath p1 = given().queryParam("q", "Trump").queryParam("limit", 2).get("/api/v1/search").jsonPath();
        assertThat(p1.getString("nextCursor")).isNotNull();
        given().queryParam("q", "Trump").queryParam("limit", 2).queryParam("cursor", p1.getString("nextCursor"))
                .get("/api/v1/search").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void adminNeedsAKeyReadsAreOpen() {
        given().get("/api/v1/admin/stats").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
        given().header("X-API-Key", "wrong").get("/api/v1/admin/stats").then().statusCode(401)
                .body("detail", org.hamcrest.Matchers.not(containsString("wrong")));
        given().header("X-API-Key", "test-admin-key").get("/api/v1/admin/stats").then().statusCode(200)
                .body("stories", org.hamcrest.Matchers.greaterThan(0));
        given().header("Authorization", "Bearer test-admin-key").queryParam("keep", 1_000_000)
                .post("/api/v1/admin/stream/prune").then().statusCode(200).body("deleted", equalTo(0));
        given().post("/api/v1/admin/stream/prune").then().statusCode(401);
        given().get("/api/v1/stories").then().statusCode(200);
    }

    @Test
    void openApiAndSwaggerUi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/claims"))
                .body(containsString("/api/v1/stream"));
        given().get("/q/swagger-ui/").then().statusCode(200);
        // the contract itself: openApiKeepsTheContract, from ServesOpenApiContract
    }
}
