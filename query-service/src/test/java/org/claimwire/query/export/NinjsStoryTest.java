package org.claimwire.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.claimwire.events.EventJson;
import org.claimwire.query.persistence.Views;
import org.junit.jupiter.api.Test;

/** The ninjs output against IPTC's ninjs 3.1 JSON Schema (test resources, see ninjs/NOTICE.md). */
public class NinjsStoryTest {
    private static final ObjectMapper JSON = EventJson.mapper();
    public static final JsonSchema NINJS_31 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
                    .schemaMappers(m -> m.mapPrefix("https://geojson.org/schema/GeoJSON.json", "classpath:ninjs/geojson-any.json")
                            .mapPrefix("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json", "classpath:ninjs/ninjs-schema_3.1.json")))
            .getSchema(SchemaLocation.of("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    static Views.StoryDetail story(String body, List<Views.ClaimView> claims) {
        JsonNode subjects = JSON.createArrayNode().add(JSON.createObjectNode().put("name", "politics").put("code", "medtop:11000000"));
        JsonNode sources = JSON.createArrayNode().add(JSON.createObjectNode().put("name", "Reuters").put("role", "source"));
        List<Views.StoryEntity> entities = List.of(
                new Views.StoryEntity(11, "e1", "Dmitry Peskov", "Dmitry Peskov", "PERSON", List.of("Kremlin spokesman"), "new", List.of()),
                new Views.StoryEntity(12, "e2", "Kremlin", "Kremlin", "ORGANIZATION", List.of(), "new", List.of()),
                new Views.StoryEntity(13, "e3", "Moscow", "Moscow", "LOCATION", List.of(), "new", List.of()),
                new Views.StoryEntity(14, "e4", "Telegram", "Telegram", "MISC", List.of(), "new", List.of()));
        return new Views.StoryDetail(7, "urn:claimwire:test:ninjs", 2, "usable", true, "en",
                "Kremlin neither confirms nor denies", "By A. Reporter", body, "MOSCOW", "https://example.org/s/1",
                "Reuters", "feed-1", subjects, sources, null, Instant.parse("2025-02-10T10:00:00Z"),
                Instant.parse("2025-02-10T09:00:00Z"), Instant.parse("2025-02-10T10:00:05Z"), List.of(), entities,
                List.of(), null, claims, null);
    }

    static Views.ClaimView claim() {
        return new Views.ClaimView(99, 7, "urn:claimwire:test:ninjs", 2, "Kremlin neither confirms nor denies", "c1",
                new Views.EntityRef(11L, "Dmitry Peskov"), "Dmitry Peskov", null, null, "said", "say",
                "he can neither confirm nor deny the report", 40, 82, "INDIRECT", "NEITHER_CONFIRMS_NOR_DENIES",
                "STATEMENT", "today", "2025-02-10", Instant.parse("2025-02-10T09:00:00Z"), List.of(12L), 0.7, 0.9,
                "Reuters", "en");
    }

    @Test
    void aStoredStoryIsValidNinjs31WithEntitiesWhereTheSchemaPutsThem() throws Exception {
        ObjectNode n = NinjsStory.of(story("Kremlin spokesman Dmitry Peskov said ...", List.of(claim())), JSON);
        Set<ValidationMessage> errors = NINJS_31.validate(n);
        assertThat(errors).as(n.toPrettyString()).isEmpty();

        assertThat(n.get("version").asText()).isEqualTo("2");
        assertThat(n.at("/headlines/0/value").asText()).isEqualTo("Kremlin neither confirms nor denies");
        assertThat(n.at("/people/0/name").asText()).isEqualTo("Dmitry Peskov");
        assertThat(n.at("/people/0/uri").asText()).isEqualTo("urn:claimwire:entity:11");
        assertThat(n.at("/organisations/0/name").asText()).isEqualTo("Kremlin");
        assertThat(n.at("/places/0/name").asText()).isEqualTo("Moscow");
        assertThat(n.get("subjects")).extracting(JsonNode::toString).asString().contains("medtop:11000000").contains("Telegram");
        JsonNode claims = JSON.readTree(n.at("/descriptions/0/value").asText());
        assertThat(n.at("/descriptions/0/role").asText()).isEqualTo(NinjsStory.CLAIMS_ROLE);
        assertThat(claims.at("/0/stance").asText()).isEqualTo("NEITHER_CONFIRMS_NOR_DENIES");
        assertThat(claims.at("/0/speaker/name").asText()).isEqualTo("Dmitry Peskov");
    }

    @Test
    void aFlashHasNoBodyAndIsStillValid() {
        ObjectNode n = NinjsStory.of(story(null, List.of()), JSON);
        assertThat(NINJS_31.validate(n)).isEmpty();
        assertThat(n.has("bodies")).isFalse();
        assertThat(n.has("descriptions")).isFalse();
    }

    /** The oracle can fail: a property of our own at the top level is not ninjs 3.1 (hence descriptions). */
    @Test
    void theSchemaRefusesAnInventedTopLevelProperty() {
        ObjectNode n = NinjsStory.of(story("body", List.of()), JSON);
        n.putArray("claims");
        assertThat(NINJS_31.validate(n)).isNotEmpty();
        ObjectNode badVersion = NinjsStory.of(story("body", List.of()), JSON);
        badVersion.put("version", 2);
        assertThat(NINJS_31.validate(badVersion)).isNotEmpty();
    }
}
