package org.claimwire.query.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.EventJson;
import org.claimwire.events.PubStatus;
import org.claimwire.query.TestEvents;
import org.claimwire.query.export.ClaimCsv;
import org.claimwire.testsupport.Csv;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claim kind, source and language filters, and the CSV / NDJSON export of GET /api/v1/claims, over the seed story
 * (with kinds set on three of its claims) from a source of its own, in English, and a copy in French.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ClaimExportTest {
    static final String SOURCE = "ExportWire";
    static final String EN = "urn:test:export:en";
    static final String FR = "urn:test:export:fr";
    static final Map<String, Enrichment.Kind> KINDS = Map.of("C2", Enrichment.Kind.INTENTION,
            "C9", Enrichment.Kind.QUESTION, "C18", Enrichment.Kind.BELIEF);
    static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        TestEvents.send(withKinds(EN, "en", Instant.parse("2025-04-01T09:00:00Z")));
        TestEvents.send(withKinds(FR, "fr", Instant.parse("2025-04-02T09:00:00Z")));
        Api.awaitStory(EN, 1);
        Api.awaitStory(FR, 1);
        loaded = true;
    }

    /** The seed story from {@link #SOURCE} in {@code language}, with the kinds of {@link #KINDS}. */
    static EnrichedStory withKinds(String uri, String language, Instant time) {
        EnrichedStory seed = TestEvents.seed(uri, 1, time);
        List<Enrichment.Claim> claims = new ArrayList<>();
        for (Enrichment.Claim c : seed.enrichment().claims()) {
            claims.add(new Enrichment.Claim(c.id(), c.speaker(), c.cue(), c.content(), c.mode(), c.stance(),
                    KINDS.getOrDefault(c.id(), Enrichment.Kind.STATEMENT), c.recipient(), c.time(), c.about(),
                    c.checkWorthiness(), c.confidence()));
        }
        return new EnrichedStory(TestEvents.story(uri, 1, PubStatus.USABLE, seed.story().headline(), seed.story().body(),
                time, language, SOURCE), new Enrichment(language, seed.enrichment().entities(), claims), seed.nlpModel(),
                seed.enrichedAt());
    }

    @Test
    void kindIsStoredReturnedAndFiltered() {
        var j = given().queryParam("source", SOURCE).queryParam("language", "en").queryParam("limit", 100)
                .get("/api/v1/claims").then().statusCode(200).extract().jsonPath();
        assertThat(j.getList("items.uri", String.class)).hasSize(19).containsOnly(EN);
        assertThat(j.getString("items.find { it.localId == 'C9' }.kind")).isEqualTo("QUESTION");
        assertThat(j.getString("items.find { it.localId == 'C1' }.kind")).isEqualTo("STATEMENT");
        assertThat(j.getString("items.find { it.localId == 'C1' }.source")).isEqualTo(SOURCE);

        assertThat(given().queryParam("source", SOURCE).queryParam("kind", "belief").get("/api/v1/claims").jsonPath()
                .getList("items.localId", String.class)).containsExactly("C18", "C18"); // fr first (newer), then en
        assertThat(given().queryParam("source", SOURCE.toLowerCase()).queryParam("kind", "INTENTION")
                .queryParam("language", "fr").get("/api/v1/claims").jsonPath().getList("items.uri", String.class))
                .containsExactly(FR);
        assertThat(given().queryParam("source", "NoSuchWire").get("/api/v1/claims").jsonPath().getList("items"))
                .isEmpty();
        given().queryParam("kind", "RUMOUR").get("/api/v1/claims").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("format", "xlsx").get("/api/v1/claims").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void csvExportStreamsEveryMatchWithTheDocumentedColumns() {
        var r = given().queryParam("source", SOURCE).queryParam("format", "csv").get("/api/v1/claims");
        r.then().statusCode(200).contentType("text/csv").header("Content-Disposition", "attachment; filename=\"claims.csv\"");
        List<List<String>> rows = Csv.parse(r.asString());
        assertThat(rows.get(0)).isEqualTo(ClaimCsv.COLUMNS);
        assertThat(rows).hasSize(1 + 38); // every match: two stories x 19 claims, more than the default page of 20
        for (List<String> row : rows) {
            assertThat(row).hasSize(ClaimCsv.COLUMNS.size());
        }
        int content = ClaimCsv.COLUMNS.indexOf("content");
        int kind = ClaimCsv.COLUMNS.indexOf("kind");
        int speaker = ClaimCsv.COLUMNS.indexOf("speaker");
        // a content with a curly quote survives the round trip (commas and quotes: ClaimCsvTest)
        assertThat(rows).anySatisfy(row -> assertThat(row.get(content))
                .isEqualTo("neither confirm nor deny\u201d a US newspaper report"));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get(content)).isEqualTo("What can I say regarding this information?");
            assertThat(row.get(kind)).isEqualTo("QUESTION");
            assertThat(row.get(speaker)).isEqualTo("Dmitry Peskov");
        });
        // Accept works as well as format=, and limit (when given) caps the export
        var byAccept = given().header("Accept", "text/csv").queryParam("source", SOURCE).queryParam("limit", 3)
                .get("/api/v1/claims");
        byAccept.then().statusCode(200).contentType("text/csv");
        assertThat(Csv.parse(byAccept.asString())).hasSize(4);
    }

    @Test
    void ndjsonExportIsOneClaimPerLine() throws Exception {
        var r = given().header("Accept", "application/x-ndjson").queryParam("source", SOURCE)
                .queryParam("kind", "question").get("/api/v1/claims");
        r.then().statusCode(200).contentType("application/x-ndjson");
        String[] lines = r.asString().split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode c = EventJson.mapper().readTree(line);
            assertThat(c.path("kind").asText()).isEqualTo("QUESTION");
            assertThat(c.path("speaker").path("name").asText()).isEqualTo("Dmitry Peskov");
            assertThat(c.path("content").asText()).isEqualTo("What can I say regarding this information?");
        }
        // the same filter as a JSON page gives the same claims
        assertThat(given().queryParam("source", SOURCE).queryParam("kind", "question").get("/api/v1/claims").jsonPath()
                .getList("items.id", Long.class)).hasSize(2);
    }
}
