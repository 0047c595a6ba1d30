package org.claimwire.query.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.events.PubStatus;
import org.claimwire.query.TestEvents;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stance over time, who answers whom, and titles in entity lists, over the seed story (gold claims). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AnalystApiTest {
    static final String URI = "urn:test:analyst:seed";
    /** The seed's "today" (TestEvents resolves it to 2025-02-10); other tests' copies of the seed fall in later weeks. */
    static final Instant TIME = Instant.parse("2025-02-10T09:00:00Z");
    /** Two weeks later: a story in which Trump denies something, so that the week between has no claim of his. */
    static final Instant LATER = Instant.parse("2025-02-26T09:00:00Z");
    static final String HEADLINE = "Kremlin neither confirms nor denies report of Trump-Putin phone call";
    static long trump;

    @BeforeEach
    void load() {
        if (trump != 0) {
            return;
        }
        EnrichedStory seed = TestEvents.seed(URI, 1, TIME);
        TestEvents.send(new EnrichedStory(TestEvents.story(URI, 1, PubStatus.USABLE, HEADLINE, seed.story().body(), TIME,
                "en", "AnalystWire"), seed.enrichment(), seed.nlpModel(), seed.enrichedAt()));
        String body = "Donald Trump denied that he had spoken to the Kremlin again.";
        var trumpEntity = TestEvents.entity("e1", "Donald Trump", EntityType.PERSON, List.of("US president"), body, "Donald Trump");
        var kremlin = TestEvents.entity("e2", "Kremlin", EntityType.ORGANIZATION, List.of(), body, "Kremlin");
        TestEvents.send(TestEvents.enriched(TestEvents.story(URI + ":later", 1, PubStatus.USABLE, "Trump denies new call",
                body, LATER, "en", "AnalystWire"), List.of(trumpEntity, kremlin), List.of(TestEvents.claim("c1", trumpEntity,
                body, "he had spoken to the Kremlin again", Enrichment.Mode.INDIRECT, Enrichment.Stance.DENIES, null, null,
                List.of(kremlin)))));
        Api.awaitStory(URI, 1);
        Api.awaitStory(URI + ":later", 1);
        trump = Api.entityId("Donald Trump", "PERSON");
    }

    @Test
    void timelineCountsTheEntitysClaimsByStancePerBucket() {
        JsonPath j = given().queryParam("bucket", "week").get("/api/v1/entities/" + trump + "/timeline").then()
                .statusCode(200).extract().jsonPath();
        assertThat(j.getString("entity.name")).isEqualTo("Donald Trump");
        assertThat(j.getList("entity.titles", String.class)).isNotEmpty();
        assertThat(j.getString("bucket")).isEqualTo("week");
        // gold: Trump asserts 8 times and declines twice ("better not to say", "did not elaborate further")
        Map<String, Integer> week = j.getMap("series.find { it.start == '2025-02-10T00:00:00Z' }.counts");
        assertThat(week).containsEntry("ASSERTS", 8).containsEntry("DECLINES_TO_COMMENT", 2).containsEntry("DENIES", 0)
                .containsEntry("NEITHER_CONFIRMS_NOR_DENIES", 0).containsEntry("NO_RESPONSE", 0);
        // every week between the first and the last claim is listed, empty ones too
        List<String> starts = j.getList("series.start", String.class);
        assertThat(starts).isSorted().contains("2025-02-10T00:00:00Z", "2025-02-17T00:00:00Z", "2025-02-24T00:00:00Z");
        assertThat(j.getInt("series.find { it.start == '2025-02-24T00:00:00Z' }.counts.DENIES")).isGreaterThanOrEqualTo(1);

        // about=: only claims about Putin (gold: the call, "he (Putin) wants…", "good relationship with Putin")
        JsonPath about = given().queryParam("bucket", "day").queryParam("about", "Vladimir Putin")
                .get("/api/v1/entities/" + trump + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(about.getString("about.name")).isEqualTo("Vladimir Putin");
        assertThat(about.getMap("series.find { it.start == '2025-02-10T00:00:00Z' }.counts"))
                .containsEntry("ASSERTS", 3).containsEntry("DECLINES_TO_COMMENT", 0);
        given().queryParam("bucket", "year").get("/api/v1/entities/" + trump + "/timeline").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/entities/987654321/timeline").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void exchangesGroupTheCallWithTheKremlinsNonAnswerAndTheWhiteHousesSilence() {
        JsonPath j = given().queryParam("from", "2025-02-09").queryParam("to", "2025-02-12")
                .get("/api/v1/entities/" + trump + "/exchanges").then().statusCode(200).extract().jsonPath();
        assertThat(j.getString("entity.name")).isEqualTo("Donald Trump");
        List<Map<String, Object>> items = j.getList("items");
        assertThat(items).isNotEmpty();
        int call = -1;
        for (int i = 0; i < items.size(); i++) {
            if (j.getList("items[" + i + "].claims.localId", String.class).contains("C4")) {
                call = i;
            }
        }
        assertThat(call).as("an exchange holds Trump's assertion of the call").isGreaterThanOrEqualTo(0);
        String item = "items[" + call + "]";
        List<String> ids = j.getList(item + ".claims.localId", String.class);
        assertThat(ids.get(0)).isEqualTo("C4");
        // Peskov neither confirms nor denies (C1, C8, C10), the White House does not respond (C7)
        assertThat(ids).contains("C1", "C7", "C8", "C10");
        assertThat(j.getList(item + ".claims.speaker.name", String.class)).contains("Donald Trump", "Dmitry Peskov", "White House");
        assertThat(j.getList(item + ".claims.stance", String.class))
                .contains("ASSERTS", "NEITHER_CONFIRMS_NOR_DENIES", "NO_RESPONSE");
        // each claim is cited with its story
        assertThat(j.getList(item + ".claims.uri", String.class)).containsOnly(URI);
        assertThat(j.getList(item + ".claims.headline", String.class)).containsOnly(HEADLINE);
        assertThat(j.getList(item + ".about.name", String.class)).contains("Vladimir Putin");
        assertThat(j.getString(item + ".reason")).contains("Dmitry Peskov").contains("“phone”");
        // no exchange pairs a speaker with itself or two claims of one stance only
        for (int i = 0; i < items.size(); i++) {
            assertThat(j.getList("items[" + i + "].claims.speaker.name", String.class).stream().distinct().count())
                    .isGreaterThan(1);
            assertThat(j.getList("items[" + i + "].claims.stance", String.class).stream().distinct().count())
                    .isGreaterThan(1);
        }
        given().queryParam("window", 0).get("/api/v1/entities/" + trump + "/exchanges").then().statusCode(400);
        given().get("/api/v1/entities/987654321/exchanges").then().statusCode(404);
    }

    @Test
    void entitySearchItemsCarryTitles() {
        JsonPath j = given().queryParam("q", "Peskov").get("/api/v1/entities").then().statusCode(200).extract().jsonPath();
        assertThat(j.getList("items.find { it.name == 'Dmitry Peskov' }.titles", String.class))
                .contains("Kremlin spokesman");
    }
}
