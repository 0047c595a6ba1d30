package org.claimwire.query.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.EventJson;
import org.claimwire.events.Topics;
import org.claimwire.query.ask.SeedData;
import org.claimwire.testsupport.KafkaBroker;
import org.claimwire.testsupport.KafkaProbe;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * /api/v1/ask over the real store: the seed story's enrichment (built from gold.json) is published on
 * wire.stories.enriched as nlp-service would, stored by query-service's consumer, and then asked about.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AskResourceTest {

    private static boolean stored;

    /** Publishes the seed once and waits until it is answerable (RestAssured is configured by then). */
    @BeforeEach
    void storeSeed() throws Exception {
        if (stored) {
            return;
        }
        EnrichedStory e = SeedData.enrichedStory();
        KafkaProbe.send(KafkaBroker.shared().bootstrapServers(), Topics.STORIES_ENRICHED, e.story().uri(),
                EventJson.mapper().writeValueAsString(e),
                Map.of("ce_specversion", "1.0",
                        "ce_id", CloudEventTypes.eventId(CloudEventTypes.STORY_ENRICHED, e.story().uri(), 1),
                        "ce_type", CloudEventTypes.STORY_ENRICHED, "ce_source", "urn:claimwire:test",
                        "ce_subject", e.story().uri(), "content-type", "application/json"));
        // this very story stored (other test classes may have stored copies of the seed under other uris)
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                given().queryParam("uri", e.story().uri()).get("/api/v1/stories").statusCode() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var r = given().queryParam("q", "When will Trump meet Zelensky?").get("/api/v1/ask");
            return r.statusCode() == 200 && r.jsonPath().getBoolean("answered");
        });
        stored = true;
    }

    private static JsonPath ask(String q) {
        return given().queryParam("q", q).get("/api/v1/ask").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void didTrumpAndPutinSpeakShowsEverySideWithCitations() {
        JsonPath j = ask("Did Trump and Putin speak by phone?");
        assertThat(j.getBoolean("answered")).isTrue();
        assertThat(j.getString("question")).isEqualTo("Did Trump and Putin speak by phone?");
        List<Map<String, Object>> cites = j.getList("citations");
        assertThat(cites).anySatisfy(c -> {
            assertThat(c.get("speaker")).isEqualTo("Donald Trump");
            assertThat(c.get("stance")).isEqualTo("ASSERTS");
            assertThat(c.get("recipient")).isEqualTo("New York Post");
            assertThat((String) c.get("text")).contains("phone conversation");
            assertThat(c.get("claimId")).isNotNull();
            assertThat(c.get("storyId")).isNotNull();
            assertThat(c.get("cue")).isEqualTo("told");
            assertThat((String) c.get("publishedAt")).startsWith("2025-02-10");
        });
        assertThat(cites).anySatisfy(c -> {
            assertThat(c.get("speaker")).isEqualTo("Dmitry Peskov");
            assertThat(c.get("stance")).isEqualTo("NEITHER_CONFIRMS_NOR_DENIES");
        });
        assertThat(cites).anySatisfy(c -> {
            assertThat(c.get("speaker")).isEqualTo("White House");
            assertThat(c.get("stance")).isEqualTo("NO_RESPONSE");
        });
        assertThat(j.getList("perspectives.stance", String.class))
                .contains("ASSERTS", "NEITHER_CONFIRMS_NOR_DENIES", "NO_RESPONSE");
        assertEverySentenceCited(j);
        assertThat(j.getList("entities.name", String.class)).contains("Donald Trump", "Vladimir Putin");
        relatedAreAnswered(j);
    }

    @Test
    void whoIsPeskovFromTheLearnedTitle() {
        JsonPath j = ask("Who is Dmitry Peskov?");
        assertThat(j.getBoolean("answered")).isTrue();
        assertThat(j.getString("answer")).contains("Kremlin spokesman");
        assertThat(j.getList("citations.text", String.class)).anySatisfy(t -> assertThat(t).contains("Kremlin spokesman"));
        assertEverySentenceCited(j);
        relatedAreAnswered(j);
    }

    @Test
    void whenWillTrumpMeetZelenskyCitesNextWeek() {
        JsonPath j = ask("When will Trump meet Zelensky?");
        assertThat(j.getBoolean("answered")).isTrue();
        assertThat(j.getString("answer")).contains("next week");
        assertThat(j.getString("citations[0].speaker")).isEqualTo("Donald Trump");
        assertThat(j.getString("citations[0].time")).isEqualTo("Friday");
        assertThat(j.getString("citations[0].text")).contains("next week");
        assertEverySentenceCited(j);
        relatedAreAnswered(j);
    }

    @Test
    void somethingNotStoredGetsNoAnswerButSuggestions() {
        JsonPath j = ask("Did the Pope visit Antarctica?");
        assertThat(j.getBoolean("answered")).isFalse();
        assertThat(j.getString("answer")).isNull();
        assertThat(j.getList("citations")).isEmpty();
        List<String> suggestions = j.getList("relatedQuestions", String.class);
        assertThat(suggestions).isNotEmpty();
        for (String s : suggestions) {
            assertThat(ask(s).getBoolean("answered")).as(s).isTrue();
        }
    }

    @Test
    void postTakesQOrQuestion() {
        // POST /api/v1/ask is a read: no API key needed, unlike every write endpoint.
        for (String field : List.of("q", "question")) {
            JsonPath j = given().contentType(ContentType.JSON)
                    .body(Map.of(field, "Who is Dmitry Peskov?")).post("/api/v1/ask")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(j.getBoolean("answered")).isTrue();
        }
    }

    @Test
    void emptyQuestionIsAProblem() {
        given().get("/api/v1/ask").then().statusCode(400).contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(400))
                .body("type", org.hamcrest.Matchers.containsString("empty-question"));
        given().queryParam("q", "   ").get("/api/v1/ask").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("q", ""))
                .post("/api/v1/ask").then().statusCode(400).contentType("application/problem+json");
    }

    private static void relatedAreAnswered(JsonPath j) {
        List<String> related = j.getList("relatedQuestions", String.class);
        assertThat(related).hasSizeBetween(3, 6);
        for (String r : related) {
            JsonPath rj = ask(r);
            assertThat(rj.getBoolean("answered")).as(r).isTrue();
            assertThat(rj.getList("citations")).as(r).isNotEmpty();
            assertEverySentenceCited(rj);
        }
    }

    /** Every sentence of the prose ends in markers [n] that point at returned citations. */
    static void assertEverySentenceCited(JsonPath j) {
        String answer = j.getString("answer");
        List<Integer> ns = j.getList("citations.n", Integer.class);
        assertThat(answer).endsWith("].");
        String[] sentences = answer.split("(?<=\\]\\.)\\s+");
        for (String s : sentences) {
            assertThat(s).as(answer).matches("(?s).+?(\\[\\d+\\])+\\.");
            var m = java.util.regex.Pattern.compile("\\[(\\d+)\\]").matcher(s);
            while (m.find()) {
                assertThat(ns).contains(Integer.parseInt(m.group(1)));
            }
        }
    }
}
