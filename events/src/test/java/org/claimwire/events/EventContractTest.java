package org.claimwire.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimwire.events.Enrichment.Claim;
import org.claimwire.events.Enrichment.Cue;
import org.claimwire.events.Enrichment.Entity;
import org.claimwire.events.Enrichment.EntityRef;
import org.claimwire.events.Enrichment.EntityType;
import org.claimwire.events.Enrichment.Mode;
import org.claimwire.events.Enrichment.Span;
import org.claimwire.events.Enrichment.Stance;
import org.claimwire.events.Enrichment.TimeRef;
import org.junit.jupiter.api.Test;

class EventContractTest {
    private final ObjectMapper json = EventJson.mapper();

    static Story sampleStory() {
        return new Story("urn:claimwire:test:1", 2, Instant.parse("2025-02-10T10:00:00Z"),
                Instant.parse("2025-02-10T09:00:00Z"), PubStatus.USABLE, "en", "Kremlin neither confirms nor denies",
                "By A. Reporter", "Kremlin spokesman Dmitry Peskov said today ...", "MOSCOW",
                List.of(new Story.Subject("politics", null, "medtop:11000000")),
                List.of(new Story.InfoSource("Reuters", "source", null)), "https://example.org/s/1", "feed-1",
                "abc123", null);
    }

    static EnrichedStory sampleEnriched() {
        Entity peskov = new Entity("e1", "Dmitry Peskov", EntityType.PERSON, List.of("Kremlin spokesman"),
                List.of(new Span(18, 31, "Dmitry Peskov")));
        Claim claim = new Claim("c1", new EntityRef("e1", "Dmitry Peskov", 0, 31, "Kremlin spokesman Dmitry Peskov"),
                new Cue(32, 36, "said", "say"), new Span(48, 60, "he can ..."), Mode.INDIRECT,
                Stance.NEITHER_CONFIRMS_NOR_DENIES, Enrichment.Kind.STATEMENT, null, new TimeRef("today", "2025-02-10"), List.of("e1"), 0.7, 0.9);
        return new EnrichedStory(sampleStory(), new Enrichment("en", List.of(peskov), List.of(claim)),
                new NlpModel("stanford-corenlp", "4.5.10", List.of("tokenize", "ssplit")), Instant.parse("2025-02-10T10:00:05Z"));
    }

    @Test
    void storyRoundTripsThroughJson() throws Exception {
        Story story = sampleStory();
        String text = json.writeValueAsString(story);
        assertThat(text).contains("\"pubStatus\":\"usable\"").contains("\"versionCreated\":\"2025-02-10T10:00:00Z\"");
        assertThat(json.readValue(text, Story.class)).isEqualTo(story);
    }

    @Test
    void enrichedStoryRoundTripsThroughJson() throws Exception {
        EnrichedStory enriched = sampleEnriched();
        String text = json.writeValueAsString(enriched);
        assertThat(text).contains("\"recipient\":null").contains("\"stance\":\"NEITHER_CONFIRMS_NOR_DENIES\"");
        assertThat(json.readValue(text, EnrichedStory.class)).isEqualTo(enriched);
    }

    @Test
    void aFlashIsMarkedOnTheWireAndItsHeadlineIsTheAnalysedText() throws Exception {
        Story flash = new Story("urn:claimwire:test:flash", 1, Instant.parse("2025-02-10T10:00:00Z"), null,
                PubStatus.USABLE, "en", "Earthquake hits Tokyo", null, "", null, null, null, null, null, "h", null);
        String text = json.writeValueAsString(flash);
        assertThat(text).contains("\"flash\":true").contains("\"body\":\"\"");
        Story back = json.readValue(text, Story.class);
        assertThat(back).isEqualTo(flash);
        assertThat(back.flash()).isTrue();
        assertThat(back.analysedText()).isEqualTo("Earthquake hits Tokyo");
        // an older producer's JSON without the flag: derived from the content all the same
        assertThat(json.readValue("{\"uri\":\"u\",\"version\":1,\"headline\":\"H\",\"body\":\"\"}", Story.class)
                .flash()).isTrue();
        // a story with a body, and a kill, are not flashes
        assertThat(json.writeValueAsString(sampleStory())).contains("\"flash\":false");
        assertThat(sampleStory().analysedText()).isEqualTo(sampleStory().body());
        Story kill = new Story("u", 2, null, null, PubStatus.CANCELED, null, "H", null, "", null, null, null, null,
                null, null, null);
        assertThat(kill.flash()).isFalse();
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnoredAndDefaultsApply() throws Exception {
        Story story = json.readValue("{\"uri\":\"u\",\"version\":1,\"body\":\"b\",\"futureField\":42}", Story.class);
        assertThat(story.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(story.subjects()).isEmpty();
    }

    @Test
    void pubStatusAcceptsBritishSpellingAndRejectsNonsense() {
        assertThat(PubStatus.fromWire("Cancelled")).isEqualTo(PubStatus.CANCELED);
        assertThatThrownBy(() -> PubStatus.fromWire("published")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventIdIsStablePerTypeUriAndVersion() {
        String a = CloudEventTypes.eventId(CloudEventTypes.STORY_INGESTED, "u", 1);
        assertThat(a).isEqualTo(CloudEventTypes.eventId(CloudEventTypes.STORY_INGESTED, "u", 1));
        assertThat(a).isNotEqualTo(CloudEventTypes.eventId(CloudEventTypes.STORY_INGESTED, "u", 2));
        assertThat(a).isNotEqualTo(CloudEventTypes.eventId(CloudEventTypes.STORY_ENRICHED, "u", 1));
    }

    /** The schemas are hand-written; this keeps them and the records from drifting apart. */
    @Test
    void schemasNameExactlyTheRecordComponents() throws Exception {
        JsonNode story = schema("story.v1.schema.json");
        assertSameFields(story.get("properties"), Story.class);
        assertSameFields(story.at("/$defs/subject/properties"), Story.Subject.class);
        assertSameFields(story.at("/$defs/infoSource/properties"), Story.InfoSource.class);

        JsonNode enrichment = schema("enrichment.v1.schema.json");
        assertSameFields(enrichment.get("properties"), Enrichment.class);
        assertSameFields(enrichment.at("/$defs/entity/properties"), Entity.class);
        assertSameFields(enrichment.at("/$defs/span/properties"), Span.class);
        assertSameFields(enrichment.at("/$defs/entityRef/properties"), EntityRef.class);
        assertSameFields(enrichment.at("/$defs/cue/properties"), Cue.class);
        assertSameFields(enrichment.at("/$defs/timeRef/properties"), TimeRef.class);
        assertSameFields(enrichment.at("/$defs/claim/properties"), Claim.class);
        assertEnum(enrichment.at("/$defs/claim/properties/mode/enum"), Mode.class);
        assertEnum(enrichment.at("/$defs/claim/properties/stance/enum"), Stance.class);
        assertEnum(enrichment.at("/$defs/entity/properties/type/enum"), EntityType.class);

        JsonNode enriched = schema("enriched-story.v1.schema.json");
        assertSameFields(enriched.get("properties"), EnrichedStory.class);
        assertSameFields(enriched.at("/properties/nlpModel/properties"), NlpModel.class);
    }

    /** What Jackson writes (derived getters such as {@code kill} included) is exactly what the schemas name. */
    @Test
    void schemasNameEveryFieldOnTheWire() throws Exception {
        Story killed = new Story("u", 3, Instant.parse("2025-02-10T10:00:00Z"), Instant.parse("2025-02-10T09:00:00Z"),
                PubStatus.CANCELED, "en", "h", "b", "body", "MOSCOW", List.of(new Story.Subject("s", "u", "c")),
                List.of(new Story.InfoSource("n", "r", "u")), "https://x", "f", "hash", "urn:first");
        JsonNode wire = json.valueToTree(killed);
        JsonNode story = schema("story.v1.schema.json");
        assertThat(names(wire)).isEqualTo(names(story.get("properties")));
        assertThat(wire.get("kill").asBoolean()).isTrue();
        assertThat(json.valueToTree(sampleStory()).get("kill").asBoolean()).isFalse();
        JsonNode enriched = json.valueToTree(sampleEnriched());
        assertThat(names(schema("enriched-story.v1.schema.json").get("properties"))).containsAll(names(enriched));
        assertThat(names(schema("enrichment.v1.schema.json").at("/$defs/claim/properties")))
                .containsAll(names(enriched.at("/enrichment/claims/0")));
    }

    /** ce_dataschema names each schema by its $id, and the schema is where every service serves it. */
    @Test
    void dataSchemasAreTheSchemasIds() throws Exception {
        assertThat(schema("story.v1.schema.json").get("$id").asText()).isEqualTo(CloudEventTypes.STORY_INGESTED_SCHEMA);
        assertThat(schema("enriched-story.v1.schema.json").get("$id").asText()).isEqualTo(CloudEventTypes.STORY_ENRICHED_SCHEMA);
        assertThat(CloudEventTypes.STORY_INGESTED).endsWith(".v1");
        assertThat(CloudEventTypes.STORY_INGESTED_SCHEMA).endsWith(".v1.schema.json");
        assertThat(CloudEventTypes.STORY_ENRICHED_SCHEMA).endsWith(".v1.schema.json");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void serialisedEventsCarryTheSchemasRequiredFields() throws Exception {
        JsonNode enriched = json.valueToTree(sampleEnriched());
        assertRequired(schema("enriched-story.v1.schema.json"), enriched);
        assertRequired(schema("story.v1.schema.json"), enriched.get("story"));
        JsonNode enrichmentSchema = schema("enrichment.v1.schema.json");
        assertRequired(enrichmentSchema, enriched.get("enrichment"));
        assertRequired(enrichmentSchema.at("/$defs/claim"), enriched.at("/enrichment/claims/0"));
        assertRequired(enrichmentSchema.at("/$defs/entity"), enriched.at("/enrichment/entities/0"));
    }

    private JsonNode schema(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/schemas/" + name)) {
            assertThat(in).as(name).isNotNull();
            return json.readTree(in);
        }
    }

    private static void assertSameFields(JsonNode properties, Class<? extends Record> type) {
        Set<String> schemaFields = new HashSet<>();
        properties.fields().forEachRemaining(f -> {
            if (!f.getValue().path("readOnly").asBoolean()) { // derived on the wire, not a component
                schemaFields.add(f.getKey());
            }
        });
        Set<String> recordFields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        assertThat(schemaFields).as(type.getSimpleName()).isEqualTo(recordFields);
    }

    private static void assertEnum(JsonNode values, Class<? extends Enum<?>> type) {
        Set<String> schemaValues = new HashSet<>();
        values.forEach(v -> schemaValues.add(v.asText()));
        Set<String> javaValues = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
        assertThat(schemaValues).as(type.getSimpleName()).isEqualTo(javaValues);
    }

    private static void assertRequired(JsonNode schema, JsonNode instance) {
        schema.get("required").forEach(r -> assertThat(instance.has(r.asText()))
                .as("required field %s", r.asText()).isTrue());
    }
}
