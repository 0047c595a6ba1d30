package org.claimwire.query.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.events.PubStatus;
import org.claimwire.query.TestEvents;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Cross-story entity resolution over stories that name the same people differently. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class MergeTest {

    @Test
    void samePeopleNamedDifferentlyAcrossStoriesAreOneEntityButDifferentFullNamesStayApart() {
        Instant t = Instant.parse("2025-04-01T08:00:00Z");
        String a = "urn:test:merge:a";
        String bodyA = "Kremlin spokesman Dmitry Peskov said on Monday that US President Arthur Kessel had not called. "
                + "Mira Kessel was not available for comment.";
        var peskovA = TestEvents.entity("e1", "Dmitry Peskov", EntityType.PERSON, List.of("Kremlin spokesman"), bodyA, "Dmitry Peskov");
        var donaldA = TestEvents.entity("e2", "Arthur Kessel", EntityType.PERSON, List.of("US President"), bodyA, "Arthur Kessel");
        var melaniaA = TestEvents.entity("e3", "Mira Kessel", EntityType.PERSON, List.of(), bodyA, "Mira Kessel");
        TestEvents.send(TestEvents.enriched(TestEvents.story(a, 1, PubStatus.USABLE, "Kremlin: no call", bodyA, t, "en", "MergeWire"),
                List.of(peskovA, donaldA, melaniaA), List.of()));
        long storyA = Api.awaitStory(a, 1);

        String b = "urn:test:merge:b";
        String bodyB = "Peskov, the Kremlin spokesman, told TASS that Kessel would be welcome in Moscow. "
                + "Mira Kessel said nothing.";
        var peskovB = TestEvents.entity("e1", "Peskov", EntityType.PERSON, List.of("Kremlin spokesman"), bodyB, "Peskov",
                "the Kremlin spokesman");
        var trumpB = TestEvents.entity("e2", "Kessel", EntityType.PERSON, List.of(), bodyB, "Kessel");
        var melaniaB = TestEvents.entity("e3", "Mira Kessel", EntityType.PERSON, List.of(), bodyB, "Mira Kessel");
        var tass = TestEvents.entity("e4", "TASS", EntityType.ORGANIZATION, List.of(), bodyB, "TASS");
        var claim = TestEvents.claim("c1", peskovB, bodyB, "Kessel would be welcome in Moscow", Enrichment.Mode.INDIRECT,
                Enrichment.Stance.ASSERTS, tass, null, List.of(trumpB));
        TestEvents.send(TestEvents.enriched(TestEvents.story(b, 1, PubStatus.USABLE, "Peskov: Kessel welcome", bodyB,
                t.plusSeconds(3600), "en", "MergeWire"), List.of(peskovB, trumpB, melaniaB, tass), List.of(claim)));
        long storyB = Api.awaitStory(b, 1);

        JsonPath ja = given().get("/api/v1/stories/" + storyA).jsonPath();
        JsonPath jb = given().get("/api/v1/stories/" + storyB).jsonPath();
        long peskov = ja.getLong("entities.find { it.localId == 'e1' }.id");
        long donald = ja.getLong("entities.find { it.localId == 'e2' }.id");
        long melania = ja.getLong("entities.find { it.localId == 'e3' }.id");
        assertThat(donald).isNotEqualTo(melania);
        // "Peskov" (titled Kremlin spokesman) is Dmitry Peskov
        assertThat(jb.getLong("entities.find { it.localId == 'e1' }.id")).isEqualTo(peskov);
        assertThat(jb.getString("entities.find { it.localId == 'e1' }.canonicalName")).isEqualTo("Dmitry Peskov");
        assertThat(jb.getString("entities.find { it.localId == 'e1' }.resolution")).contains("surname");
        // the bare "Kessel" beside "Mira Kessel" is not Mira: the one other Kessel, Arthur
        assertThat(jb.getLong("entities.find { it.localId == 'e2' }.id")).isEqualTo(donald);
        assertThat(jb.getLong("entities.find { it.localId == 'e3' }.id")).isEqualTo(melania);

        // the merge is explainable: the alias and the stories it came from
        JsonPath e = given().get("/api/v1/entities/" + peskov).then().statusCode(200).extract().jsonPath();
        assertThat(e.getList("aliases", String.class)).contains("Dmitry Peskov", "Peskov");
        assertThat(e.getList("titles", String.class)).contains("Kremlin spokesman");
        assertThat(e.getList("aliasSources.find { it.name == 'Peskov' }.stories.uri", String.class)).contains(b);
        assertThat(e.getString("aliasSources.find { it.name == 'Peskov' }.reason")).contains("surname");

        // claims by the merged entity, to TASS, about Arthur Kessel
        JsonPath c = given().queryParam("speaker", peskov).queryParam("recipient", "TASS").queryParam("about", donald)
                .get("/api/v1/claims").jsonPath();
        assertThat(c.getList("items.uri", String.class)).contains(b);

        // with two Kessels known and nothing to tell them apart, a bare "Kessel" merges with neither
        // (fictional names: the shared test database also serves the seed story's Trump to other tests)
        String cUri = "urn:test:merge:c";
        String bodyC = "Kessel was seen in Palm Beach.";
        var trumpC = TestEvents.entity("e1", "Kessel", EntityType.PERSON, List.of(), bodyC, "Kessel");
        TestEvents.send(TestEvents.enriched(TestEvents.story(cUri, 1, PubStatus.USABLE, "Sighting", bodyC,
                t.plusSeconds(7200), "en", "MergeWire"), List.of(trumpC), List.of()));
        long storyC = Api.awaitStory(cUri, 1);
        long trumpId = given().get("/api/v1/stories/" + storyC).jsonPath().getLong("entities[0].id");
        assertThat(trumpId).isNotIn(donald, melania);
    }
}
