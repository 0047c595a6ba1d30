package org.claimwire.nlp.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.EventJson;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.events.Topics;
import org.claimwire.testsupport.Fixtures;
import org.claimwire.testsupport.KafkaProbe;
import org.claimwire.testsupport.KafkaTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** wire.stories.raw -> nlp-service -> wire.stories.enriched / wire.nlp.dlq against a real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StoryFlowTest {
    static final Duration WAIT = Duration.ofSeconds(120);

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static Story story(String uri, String body, PubStatus status) {
        Instant t = Instant.parse("2025-02-10T12:00:00Z");
        return new Story(uri, 1, t, t, status, "en", "headline", null, body, null, null, null, null, "test-feed", null, null);
    }

    static void send(Story s) throws Exception {
        KafkaProbe.send(bootstrap(), Topics.STORIES_RAW, s.uri(), EventJson.mapper().writeValueAsString(s),
                Map.of("ce_specversion", "1.0", "ce_type", CloudEventTypes.STORY_INGESTED, "ce_source", "test",
                        "ce_id", UUID.randomUUID().toString()));
    }

    static ConsumerRecord<String, String> enriched(String uri) {
        ConsumerRecord<String, String> r = KafkaProbe.await(bootstrap(), Topics.STORIES_ENRICHED, x -> uri.equals(x.key()), WAIT);
        assertThat(r).as("enriched record for %s", uri).isNotNull();
        return r;
    }

    @Test
    void enrichesTheSeedStoryAndPublishesACloudEvent() throws Exception {
        String uri = "urn:test:seed:" + UUID.randomUUID();
        send(story(uri, Fixtures.seedStory(), PubStatus.USABLE));
        ConsumerRecord<String, String> r = enriched(uri);
        assertThat(KafkaProbe.header(r, "ce_id")).isEqualTo(CloudEventTypes.eventId(CloudEventTypes.STORY_ENRICHED, uri, 1));
        assertThat(KafkaProbe.header(r, "ce_type")).isEqualTo(CloudEventTypes.STORY_ENRICHED);
        assertThat(KafkaProbe.header(r, "ce_dataschema")).isEqualTo(CloudEventTypes.STORY_ENRICHED_SCHEMA);
        assertThat(KafkaProbe.header(r, "ce_subject")).isEqualTo(uri);
        EnrichedStory es = EventJson.mapper().readValue(r.value(), EnrichedStory.class);
        assertThat(es.story().uri()).isEqualTo(uri);
        assertThat(es.nlpModel().engine()).isEqualTo("stanford-corenlp");
        assertThat(es.enrichment().entities()).filteredOn(e -> e.type() == Enrichment.EntityType.PERSON)
                .extracting(Enrichment.Entity::name)
                .contains("Dmitry Peskov", "Donald Trump", "Vladimir Putin", "Volodymyr Zelensky");
        assertThat(es.enrichment().claims()).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void poisonGoesToTheDlqAndTheNextStoryStillFlows() throws Exception {
        String poisonKey = "urn:test:poison:" + UUID.randomUUID();
        KafkaProbe.send(bootstrap(), Topics.STORIES_RAW, poisonKey, "{this is not json", Map.of());
        ConsumerRecord<String, String> dead = KafkaProbe.await(bootstrap(), Topics.NLP_DLQ, x -> poisonKey.equals(x.key()), WAIT);
        assertThat(dead).as("poison record on the DLQ").isNotNull();
        assertThat(KafkaProbe.header(dead, Topics.DLQ_REASON_HEADER)).contains("not a Story JSON");

        String garbageKey = "urn:test:garbage:" + UUID.randomUUID();
        send(story(garbageKey, "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010 binary", PubStatus.USABLE));
        ConsumerRecord<String, String> dead2 = KafkaProbe.await(bootstrap(), Topics.NLP_DLQ, x -> garbageKey.equals(x.key()), WAIT);
        assertThat(dead2).isNotNull();
        assertThat(KafkaProbe.header(dead2, Topics.DLQ_REASON_HEADER)).contains("natural-language text");

        String uri = "urn:test:after-poison:" + UUID.randomUUID();
        send(story(uri, "Finance Minister Anna Berg said on Tuesday that taxes would not rise.", PubStatus.USABLE));
        EnrichedStory es = EventJson.mapper().readValue(enriched(uri).value(), EnrichedStory.class);
        assertThat(es.enrichment().claims()).isNotEmpty();
    }

    @Test
    void aFlashIsEnrichedFromItsHeadline() throws Exception {
        String uri = "urn:test:flash:" + UUID.randomUUID();
        Instant t = Instant.parse("2025-02-10T12:00:00Z");
        String headline = "Finance Minister Anna Berg resigns after tax row in Stockholm";
        send(new Story(uri, 1, t, t, PubStatus.USABLE, "en", headline, null, "", null, null, null, null, "test-feed",
                null, null));
        EnrichedStory es = EventJson.mapper().readValue(enriched(uri).value(), EnrichedStory.class);
        assertThat(es.story().flash()).isTrue();
        assertThat(es.enrichment().entities()).extracting(Enrichment.Entity::name).contains("Anna Berg");
        for (Enrichment.Entity e : es.enrichment().entities()) {
            for (Enrichment.Span m : e.mentions()) { // offsets index into the headline
                assertThat(headline.substring(m.start(), m.end())).isEqualTo(m.text());
            }
        }
    }

    @Test
    void aKillPassesThroughWithAnEmptyEnrichment() throws Exception {
        String uri = "urn:test:kill:" + UUID.randomUUID();
        send(story(uri, "Withdrawn: the earlier story said the minister resigned.", PubStatus.CANCELED));
        EnrichedStory es = EventJson.mapper().readValue(enriched(uri).value(), EnrichedStory.class);
        assertThat(es.story().pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(es.enrichment().entities()).isEmpty();
        assertThat(es.enrichment().claims()).isEmpty();
    }
}
