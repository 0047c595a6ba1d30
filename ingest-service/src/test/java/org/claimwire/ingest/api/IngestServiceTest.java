package org.claimwire.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.EventJson;
import org.claimwire.events.Topics;
import org.claimwire.ingest.feeds.TestFeedServer;
import org.claimwire.testsupport.AdminKeyForRestAssured;
import org.claimwire.testsupport.Fixtures;
import org.claimwire.testsupport.KafkaProbe;
import org.claimwire.testsupport.KafkaTestResource;
import org.claimwire.testsupport.PostgresTestResource;
import org.claimwire.testsupport.ServesOpenApiContract;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@ExtendWith(AdminKeyForRestAssured.class) // posting needs a key; AuthMatrixTest covers the refusals
class IngestServiceTest implements ServesOpenApiContract {
    /** Reads answers into the records the OpenAPI document is built from; a field they lack fails the test. */
    private static final com.fasterxml.jackson.databind.ObjectMapper STRICT = org.claimwire.events.EventJson.mapper().copy()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);


    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String json(Map<String, Object> m) throws Exception {
        return EventJson.mapper().writeValueAsString(m);
    }

    ConsumerRecord<String, String> recordFor(String uri, int version) {
        return KafkaProbe.await(bootstrap, Topics.STORIES_RAW,
                r -> uri.equals(r.key()) && r.value().contains("\"version\":" + version + ","), Duration.ofSeconds(20));
    }

    List<ConsumerRecord<String, String>> recordsContaining(String topic, String marker) {
        List<ConsumerRecord<String, String>> all = KafkaProbe.poll(bootstrap, topic, Integer.MAX_VALUE, Duration.ofSeconds(3));
        return all.stream().filter(r -> r.value() != null && r.value().contains(marker)).toList();
    }

    static JsonNode parse(String s) throws Exception {
        return EventJson.mapper().readTree(s);
    }

    @Test
    void seedStoryIsPublishedAsBinaryCloudEventKeyedByUri() throws Exception {
        String seed = Fixtures.seedStory();
        Response r = given().contentType("application/json")
                .body(json(Map.of("headline", "Kremlin can neither confirm nor deny Trump-Putin call", "body", seed)))
                .post("/api/v1/stories");
        r.then().statusCode(202).body("status", equalTo("accepted")).body("version", equalTo(1))
                .body("uri", startsWith("urn:claimwire:story:"));
        String uri = r.jsonPath().getString("uri");
        ConsumerRecord<String, String> rec = recordFor(uri, 1);
        assertThat(rec).isNotNull();
        assertThat(KafkaProbe.header(rec, "ce_type")).isEqualTo(CloudEventTypes.STORY_INGESTED);
        assertThat(KafkaProbe.header(rec, "ce_id")).isEqualTo(CloudEventTypes.eventId(CloudEventTypes.STORY_INGESTED, uri, 1));
        assertThat(KafkaProbe.header(rec, "ce_subject")).isEqualTo(uri);
        assertThat(KafkaProbe.header(rec, "ce_source")).isEqualTo("ingest-service/api");
        assertThat(KafkaProbe.header(rec, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(rec, "ce_dataschema")).isEqualTo(CloudEventTypes.STORY_INGESTED_SCHEMA);
        // ... and the service serves that schema under the same path
        given().get(java.net.URI.create(CloudEventTypes.STORY_INGESTED_SCHEMA).getPath()).then().statusCode(200)
                .body("$id", equalTo(CloudEventTypes.STORY_INGESTED_SCHEMA)).body("properties.kill.type", equalTo("boolean"));
        JsonNode story = parse(rec.value());
        assertThat(story.get("language").asText()).isEqualTo("en");
        assertThat(story.get("body").asText()).contains("Dmitry Peskov").doesNotContain("Ask me anything")
                .doesNotContain("Explore related questions");
        assertThat(story.get("contentHash").asText()).hasSize(64);
        assertThat(story.get("versionCreated").asText()).isNotBlank();

        // the same story again is a duplicate and is not re-published
        given().contentType("application/json")
                .body(json(Map.of("headline", "Kremlin can neither confirm nor deny Trump-Putin call", "body", seed)))
                .post("/api/v1/stories").then().statusCode(202).body("status", equalTo("duplicate"))
                .body("uri", equalTo(uri));
    }

    @Test
    void frameworkErrorsAreProblemsToo() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("about:blank")).body("title", equalTo("Not Found"))
                .body("instance", equalTo("/api/v1/nothing-here"));
        given().get("/api/v1/feeds/987654321").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://claimwire.org/problems/not-found")).body("title", equalTo("Not found"));
    }

    @Test
    void badInputGetsProblemJsonAndNothingIsSent() throws Exception {
        String marker = "MARKER-" + UUID.randomUUID();
        given().contentType("application/json").body("{\"headline\": \"" + marker + "\", \"body\": ")
                .post("/api/v1/stories").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed input")).body("status", equalTo(400))
                .body("detail", containsString("malformed JSON")).body("type", containsString("/problems/"));
        // metadata without a headline or a body: well-formed, nothing to store (a headline alone is a flash)
        given().contentType("application/json").body(json(Map.of("byline", marker)))
                .post("/api/v1/stories").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("no text"));
        given().contentType("application/json").body("")
                .post("/api/v1/stories").then().statusCode(400).body("detail", containsString("no body"));
        String big = "x ".repeat(600_000);
        given().contentType("application/json").body(json(Map.of("headline", marker, "body", big)))
                .post("/api/v1/stories").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("limit"));
        given().contentType("application/pdf").body(marker.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/stories").then().statusCode(415).contentType("application/problem+json");
        String ns = "http://iptc.org/std/nar/2006-10-01/";
        given().contentType("application/vnd.iptc.g2.newsitem+xml")
                .body("<newsItem xmlns='" + ns + "' guid='" + marker + "'><itemMeta><itemClass qcode='ninat:picture'/>"
                        + "</itemMeta></newsItem>")
                .post("/api/v1/stories").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("picture"));
        given().contentType("application/vnd.iptc.g2.newsitem+xml")
                .body("<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><newsItem xmlns='" + ns
                        + "' guid='" + marker + "'><contentMeta><headline>&x;</headline></contentMeta></newsItem>")
                .post("/api/v1/stories").then().statusCode(400).body("detail", containsString("DOCTYPE"));
        given().contentType("application/vnd.iptc.g2.newsitem+xml").body("<newsItem><unclosed></newsItem>")
                .post("/api/v1/stories").then().statusCode(400).body("detail", containsString("malformed XML"));
        assertThat(recordsContaining(Topics.STORIES_RAW, marker)).isEmpty();
    }

    @Test
    void newsMlAndPlainTextAreAccepted() throws Exception {
        String ns = "http://iptc.org/std/nar/2006-10-01/";
        String guid = "urn:newsml:test:" + UUID.randomUUID();
        String xml = "<?xml version='1.0' encoding='ISO-8859-1'?><newsItem xmlns='" + ns + "' guid='" + guid + "'>"
                + "<itemMeta><itemClass qcode='ninat:text'/><versionCreated>2025-02-10T12:00:00Z</versionCreated></itemMeta>"
                + "<contentMeta><headline>March\u00e9s en hausse</headline></contentMeta><contentSet>"
                + "<inlineXML contenttype='application/nitf+xml'><nitf><body><body.content><p>Les march\u00e9s europ\u00e9ens "
                + "ont termin\u00e9 en hausse lundi, port\u00e9s par les valeurs bancaires et les espoirs d'une baisse des "
                + "taux.</p></body.content></body></nitf></inlineXML></contentSet></newsItem>";
        String decision = given().contentType("application/vnd.iptc.g2.newsitem+xml")
                .body(xml.getBytes(java.nio.charset.Charset.forName("ISO-8859-1")))
                .post("/api/v1/stories").then().statusCode(202).body("uri", equalTo(guid)).body("status", equalTo("accepted"))
                .extract().asString();
        assertThat(STRICT.readValue(decision, IngestAnswers.Decision.class).version()).isEqualTo(1); // the documented shape
        ConsumerRecord<String, String> rec = recordFor(guid, 1);
        assertThat(rec.value()).contains("Marchés en hausse").contains("\"language\":\"fr\"");
        given().contentType("text/plain; charset=utf-8")
                .body("Plain headline " + UUID.randomUUID() + "\nFirst line of a plain text story about the weather "
                        + "in the capital today.\nSecond line.")
                .post("/api/v1/stories").then().statusCode(202).body("status", equalTo("accepted"));
    }

    /** A flash (headline only) is published as one, and the full story under the same uri supersedes it. */
    @Test
    void flashIsPublishedAndSupersededByTheFullStory() throws Exception {
        String uri = "urn:test:flash:" + UUID.randomUUID();
        given().contentType("application/json").body(json(Map.of("uri", uri, "headline",
                "FLASH Earthquake of magnitude 7.1 strikes off Japan", "versionCreated", "2025-02-10T10:00:00Z")))
                .post("/api/v1/stories").then().statusCode(202).body("status", equalTo("accepted")).body("version", equalTo(1));
        JsonNode flash = parse(recordFor(uri, 1).value());
        assertThat(flash.get("flash").asBoolean()).isTrue();
        assertThat(flash.get("body").asText()).isEmpty();
        given().contentType("application/json").body(json(Map.of("uri", uri, "headline",
                "Earthquake of magnitude 7.1 strikes off Japan", "body", "A strong earthquake struck off the coast of "
                        + "northern Japan on Monday, the meteorological agency said, and a tsunami warning was issued.",
                "versionCreated", "2025-02-10T10:05:00Z")))
                .post("/api/v1/stories").then().statusCode(202).body("status", equalTo("updated")).body("version", equalTo(2));
        JsonNode full = parse(recordFor(uri, 2).value());
        assertThat(full.get("flash").asBoolean()).isFalse();
        assertThat(full.get("body").asText()).contains("tsunami warning");
        // NewsML-G2 listing 1 (IPTC): a headline and an empty body, a flash
        byte[] listing1 = Files.readAllBytes(Path.of(getClass().getResource("/iptc-newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml").toURI()));
        Response r = given().contentType("application/vnd.iptc.g2.newsitem+xml").body(listing1).post("/api/v1/stories");
        r.then().statusCode(202).body("uri", equalTo("urn:newsml:acmenews.com:20161018:US-FINANCE-FED"));
        int version = r.jsonPath().getInt("version");
        assertThat(parse(recordFor("urn:newsml:acmenews.com:20161018:US-FINANCE-FED", version).value()).get("flash")
                .asBoolean()).isTrue();
    }

    /**
     * Superdesk pushes ninjs with {@code guid} (no uri), {@code version} as a string and date-times with a basic
     * offset: the second version of one item is version 2 of the same story, not a near-duplicate.
     */
    @Test
    void superdeskStyleSecondVersionIsVersionTwoOfTheSameStory() throws Exception {
        String guid = "urn:newsml:localhost:5000:2026-11-29T21:00:00.000000:" + UUID.randomUUID();
        String body = "<p>The city council approved the new budget on Sunday evening after a debate that lasted more "
                + "than six hours, the mayor's office said.</p><p>The vote was 31 to 14.</p>";
        given().contentType("application/json").body(json(Map.of("guid", guid, "version", "1", "type", "text",
                "pubstatus", "usable", "versioncreated", "2026-11-29T21:00:00+0000", "headline", "Council approves budget",
                "body_html", body))).post("/api/v1/stories")
                .then().statusCode(202).body("uri", equalTo(guid)).body("status", equalTo("accepted")).body("version", equalTo(1));
        given().contentType("application/json").body(json(Map.of("guid", guid, "version", "2", "type", "text",
                "pubstatus", "usable", "versioncreated", "2026-11-29T21:20:00+0000", "headline", "Council approves budget",
                "body_html", body + "<p>Corrects vote count in second paragraph.</p>",
                "signal", List.of(Map.of("name", "Correction", "code", "sig:correction"))))).post("/api/v1/stories")
                .then().statusCode(202).body("uri", equalTo(guid)).body("status", equalTo("updated")).body("version", equalTo(2));
        assertThat(parse(recordFor(guid, 2).value()).get("versionCreated").asText()).isEqualTo("2026-11-29T21:20:00Z");
        // a kill signal withdraws it
        given().contentType("application/json").body(json(Map.of("guid", guid, "version", 3, "type", "text",
                "versioncreated", "2026-11-29T21:30:00+0000", "headline", "Council approves budget",
                "signal", List.of(Map.of("name", "Kill", "code", "sig:kill"))))).post("/api/v1/stories")
                .then().statusCode(202).body("status", equalTo("updated")).body("version", equalTo(3));
        assertThat(recordFor(guid, 3).value()).contains("\"pubStatus\":\"canceled\"");
        // a valid non-text item: 422, never 5xx
        given().contentType("application/json").body(json(Map.of("guid", guid + ":pic", "type", "picture",
                "headline", "Council chamber"))).post("/api/v1/stories")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("picture"));
    }

    /** Issue 15: deeply nested XML is a 400 at the door, not a StackOverflowError. */
    @Test
    void deeplyNestedXmlIsRefused() {
        String ns = "http://iptc.org/std/nar/2006-10-01/";
        String deep = "<x>".repeat(50_000) + "</x>".repeat(50_000);
        given().contentType("application/vnd.iptc.g2.newsitem+xml")
                .body(("<newsItem xmlns='" + ns + "' guid='urn:deep'><contentSet><inlineXML contenttype='application/xhtml+xml'>"
                        + deep + "</inlineXML></contentSet></newsItem>").getBytes(StandardCharsets.UTF_8)) // bytes: the
                // client must not pretty-print (and itself overflow on) the XML
                .post("/api/v1/stories").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nested"));
    }

    @Test
    void versionsStaleAndKill() throws Exception {
        String uri = "urn:test:versions:" + UUID.randomUUID();
        String body = "The central bank raised its main interest rate by a quarter point on Thursday, citing "
                + "persistent inflation in services and a tight labour market across the region.";
        given().contentType("application/json").body(json(Map.of("uri", uri, "headline", "Bank raises rates",
                "body", body, "versionCreated", "2025-02-10T10:00:00Z"))).post("/api/v1/stories")
                .then().statusCode(202).body("status", equalTo("accepted")).body("version", equalTo(1));
        given().contentType("application/json").body(json(Map.of("uri", uri, "headline", "Bank raises rates",
                "body", body, "versionCreated", "2025-02-10T10:00:00Z"))).post("/api/v1/stories")
                .then().statusCode(202).body("status", equalTo("duplicate")).body("version", equalTo(1));
        given().contentType("application/json").body(json(Map.of("uri", uri, "headline", "Bank raises rates again",
                "body", body + " Markets had expected the move.", "versionCreated", "2025-02-10T11:00:00Z")))
                .post("/api/v1/stories").then().statusCode(202).body("status", equalTo("updated")).body("version", equalTo(2));
        given().contentType("application/json").body(json(Map.of("uri", uri, "headline", "Bank may raise rates",
                "body", body + " (early draft)", "versionCreated", "2025-02-10T09:00:00Z")))
                .post("/api/v1/stories").then().statusCode(202).body("status", equalTo("stale")).body("version", equalTo(2));
        given().contentType("application/json").body(json(Map.of("uri", uri, "pubStatus", "canceled",
                "versionCreated", "2025-02-10T12:00:00Z"))).post("/api/v1/stories")
                .then().statusCode(202).body("status", equalTo("updated")).body("version", equalTo(3));
        assertThat(recordFor(uri, 2).value()).contains("Markets had expected");
        assertThat(recordFor(uri, 3).value()).contains("\"pubStatus\":\"canceled\"");
        assertThat(recordsContaining(Topics.STORIES_RAW, "(early draft)")).isEmpty();
    }

    @Test
    void syndicatedCopyIsPublishedAsNearDuplicate() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String body = "Shipping group Maersk " + tag + " said on Wednesday it would keep diverting vessels away from "
                + "the Red Sea for the foreseeable future, as attacks on merchant ships continued and insurers raised "
                + "premiums for the route. The company said the longer voyages around Africa would add costs and "
                + "delay deliveries to European ports by up to two weeks, and urged customers to plan ahead.";
        Response first = given().contentType("application/json")
                .body(json(Map.of("uri", "urn:test:wire:" + tag, "headline", "Maersk keeps diverting ships", "body", body)))
                .post("/api/v1/stories");
        first.then().statusCode(202).body("status", equalTo("accepted"));
        String copy = "COPENHAGEN (Daily Outlet) - " + body.replace("on Wednesday", "on Wednesday,")
                .replace("urged customers to plan ahead", "urged customers to plan") + " Reporting by staff.";
        given().contentType("application/json")
                .body(json(Map.of("uri", "urn:test:outlet:" + tag, "headline", "Maersk: Red Sea diversions go on", "body", copy)))
                .post("/api/v1/stories").then().statusCode(202).body("status", equalTo("near_duplicate"))
                .body("duplicateOf", equalTo("urn:test:wire:" + tag));
        assertThat(parse(recordFor("urn:test:outlet:" + tag, 1).value()).get("duplicateOf").asText())
                .isEqualTo("urn:test:wire:" + tag);
    }

    @Test
    void batchAnswersPerLine() throws Exception {
        String tag = UUID.randomUUID().toString();
        String ndjson = json(Map.of("uri", "urn:batch:1:" + tag, "headline", "One", "body", "Batch story one " + tag + " text."))
                + "\n{not json\n\n"
                + json(Map.of("uri", "urn:batch:2:" + tag, "headline", "Two", "body_text", "Batch story two " + tag + " text."))
                + "\n" + json(Map.of("uri", "urn:batch:1:" + tag, "headline", "One", "body", "Batch story one " + tag + " text."))
                + "\n";
        io.restassured.response.ValidatableResponse answer = given().contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/v1/stories/batch?results=all").then()
                .statusCode(202).body("lines", equalTo(4))
                .body("results[0].status", equalTo("accepted")).body("results[0].line", equalTo(1))
                .body("results[1].error.status", equalTo(400)).body("results[1].line", equalTo(2))
                .body("results[2].status", equalTo("accepted")).body("results[2].line", equalTo(4))
                .body("results[3].status", equalTo("duplicate"));
        // the answer is what the OpenAPI document says (IngestAnswers.Batch), field for field
        assertThat(STRICT.readValue(answer.extract().asString(), IngestAnswers.Batch.class).results()).hasSize(4);
        // by default: counts and only the failed lines (a batch of 10,000 good lines answers in a few bytes)
        String again = json(Map.of("uri", "urn:batch:3:" + tag, "headline", "Three", "body", "Batch story three " + tag + " text."))
                + "\n{not json\n" + json(Map.of("uri", "urn:batch:1:" + tag, "headline", "One", "body", "Batch story one " + tag + " text."));
        io.restassured.response.ValidatableResponse failedOnly = given().contentType("application/x-ndjson")
                .body(again.getBytes(StandardCharsets.UTF_8)).post("/api/v1/stories/batch").then().statusCode(202)
                .body("lines", equalTo(3)).body("counts.accepted", equalTo(1)).body("counts.duplicate", equalTo(1))
                .body("counts.error", equalTo(1)).body("results.size()", equalTo(1))
                .body("results[0].line", equalTo(2)).body("results[0].error.status", equalTo(400));
        assertThat(STRICT.readValue(failedOnly.extract().asString(), IngestAnswers.Batch.class).results()).hasSize(1);
        given().contentType("application/x-ndjson").body(again.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/stories/batch?results=some").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * Messy real-world input in the spirit of Reuters-21578's reut2-017 (a raw control byte inside an item), on a
     * fixture written here: one batch mixes good lines with invalid UTF-8, raw and escaped control characters and
     * binary junk. Good lines are accepted, each bad line is repaired or refused with its own reason, and nothing
     * raw reaches the topic.
     */
    @Test
    void messyBatchLinesAreRepairedOrRefusedOneByOne() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        String tail = " Caf\u00e9 owners were less cheerful.";
        // 1: good
        b.write(json(Map.of("uri", "urn:messy:1:" + tag, "headline", "Good one " + tag,
                "body", "Retail sales rose in March as shoppers returned to the high streets after a wet winter, "
                + "the statistics office said, with clothing and garden centres doing best." + tail)).getBytes(StandardCharsets.UTF_8));
        b.write('\n');
        // 2: invalid UTF-8 (a stray 0xFF and a broken two-byte sequence) inside otherwise valid UTF-8 -> repaired
        b.write(("{\"uri\":\"urn:messy:2:" + tag + "\",\"headline\":\"Output " + tag + "\",\"body\":\"Factory output rose ")
                .getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xFF, ' ', (byte) 0xC3, '('});
        b.write((" in March, led by car makers and machinery, while energy-intensive industries such as "
                + "chemicals and steel stayed below last year's levels." + tail + "\"}").getBytes(StandardCharsets.UTF_8));
        b.write('\n');
        // 3: raw control bytes inside a JSON string (not valid JSON) -> refused, with the reason
        b.write(("{\"uri\":\"urn:messy:3:" + tag + "\",\"headline\":\"Raw " + tag + "\",\"body\":\"Prices fell\u0001 "
                + "sharply\u001b[0m in March as fuel and food costs eased, the central bank said in its monthly bulletin." + tail
                + "\"}").getBytes(StandardCharsets.UTF_8));
        b.write('\n');
        // 4: control characters escaped in JSON -> parsed, then removed before publishing
        b.write(json(Map.of("uri", "urn:messy:4:" + tag, "headline", "Escaped\u0007 " + tag,
                "body", "Exports\u0000 grew\u001b[31m by a fifth\u0085in March, driven by shipments of grain and "
                + "fertiliser to neighbouring countries, customs data showed on Thursday." + tail)).getBytes(StandardCharsets.UTF_8));
        b.write('\n');
        // 5: binary junk (one valid UTF-8 sequence, the rest invalid) -> refused as not UTF-8 text
        byte[] junk = new byte[300];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i % 2 == 0 ? 0xC3 : 0xFF);
        }
        junk[0] = (byte) 0xC3;
        junk[1] = (byte) 0xA9;
        b.write(junk);
        b.write('\n');
        // 6: good
        b.write(json(Map.of("uri", "urn:messy:6:" + tag, "headline", "Good six " + tag,
                "body", "Wages rose faster than prices for the first time in two years, according to a survey of "
                + "employers published by the chamber of commerce on Friday." + tail)).getBytes(StandardCharsets.UTF_8));
        b.write('\n');

        Response r = given().contentType("application/x-ndjson").body(b.toByteArray()).post("/api/v1/stories/batch?results=all");
        r.then().statusCode(202).body("lines", equalTo(6))
                .body("results[0].status", equalTo("accepted"))
                .body("results[1].status", equalTo("accepted"))
                .body("results[2].line", equalTo(3)).body("results[2].error.status", equalTo(400))
                .body("results[2].error.detail", containsString("malformed JSON"))
                .body("results[2].error.detail", containsString("CTRL-CHAR"))
                .body("results[3].status", equalTo("accepted"))
                .body("results[4].line", equalTo(5)).body("results[4].error.status", equalTo(422))
                .body("results[4].error.detail", containsString("not UTF-8"))
                .body("results[5].status", equalTo("accepted"))
                .body("counts.accepted", equalTo(4)).body("counts.error", equalTo(2));

        for (int line : new int[] {1, 2, 4, 6}) {
            ConsumerRecord<String, String> rec = recordFor("urn:messy:" + line + ":" + tag, 1);
            JsonNode story = parse(rec.value());
            for (String field : List.of("headline", "body")) {
                String text = story.get(field).asText();
                assertThat(text.chars().filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)))
                        .as("line %d %s has no control characters", line, field).isEmpty();
            }
            assertThat(story.get("body").asText()).contains("Café owners");
        }
        assertThat(parse(recordFor("urn:messy:2:" + tag, 1).value()).get("body").asText())
                .startsWith("Factory output rose \uFFFD \uFFFD( in March");
        assertThat(parse(recordFor("urn:messy:4:" + tag, 1).value()).get("body").asText())
                .startsWith("Exports grew[31m by a fifth\nin March");
        assertThat(recordsContaining(Topics.STORIES_RAW, "urn:messy:3:" + tag)).isEmpty();
        assertThat(recordsContaining(Topics.STORIES_RAW, "urn:messy:5:" + tag)).isEmpty();
    }

    @Test
    void feedIsPolledWithConditionalGetAndBadItemsGoToTheDlq() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Test wire %1$s</title><link>http://example.test/</link>
                <item><guid>urn:feed:%1$s:1</guid><title>Harbour reopens %1$s</title>
                  <description><![CDATA[<p>The harbour reopened on Monday after storms closed it for three days.</p>
                  <div class="share-tools"><a>Share on Facebook</a></div><p>Ferries resumed at noon.</p>]]></description>
                  <pubDate>Mon, 10 Feb 2025 10:00:00 GMT</pubDate></item>
                <item><guid>urn:feed:%1$s:bad</guid><title>Broken item %1$s</title><description>   </description></item>
                <item><guid>urn:feed:%1$s:3</guid><title>Bridge repairs %1$s</title>
                  <description>Repairs to the old bridge will start next month and last a year, the city said.</description></item>
                </channel></rss>""".formatted(tag);
        List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
        try (TestFeedServer server = TestFeedServer.start().handle("/rss", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(inm));
            if ("\"v1\"".equals(inm)) {
                ex.sendResponseHeaders(304, -1);
            } else {
                byte[] b = rss.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
            ex.close();
        })) {
            String url = server.url("/rss");
            int id = given().contentType("application/json").body(json(Map.of("url", url, "name", "test", "intervalSeconds", 60)))
                    .post("/api/v1/feeds").then().statusCode(201).extract().path("id");
            given().post("/api/v1/feeds/" + id + "/poll").then().statusCode(200)
                    .body("lastStatus", equalTo("ok-with-errors")).body("itemsSeen", equalTo(3))
                    .body("itemsPublished", equalTo(2)).body("consecutiveErrors", equalTo(0))
                    .body("etag", equalTo("\"v1\""));
            // guids that are not permalinks name an item within its feed only
            String scope = "urn:claimwire:feed:" + id + ":";
            ConsumerRecord<String, String> first = recordFor(scope + "urn:feed:" + tag + ":1", 1);
            assertThat(first.value()).contains("Ferries resumed at noon.").doesNotContain("Share on Facebook");
            assertThat(KafkaProbe.header(first, "ce_source")).isEqualTo(url);
            ConsumerRecord<String, String> dlq = KafkaProbe.await(bootstrap, Topics.INGEST_DLQ,
                    r -> r.value().contains("urn:feed:" + tag + ":bad"), Duration.ofSeconds(20));
            assertThat(dlq).isNotNull();
            assertThat(KafkaProbe.header(dlq, Topics.DLQ_REASON_HEADER)).contains("no body");
            assertThat(recordFor(scope + "urn:feed:" + tag + ":3", 1)).isNotNull();

            given().post("/api/v1/feeds/" + id + "/poll").then().statusCode(200)
                    .body("lastStatus", equalTo("not-modified")).body("lastHttpStatus", equalTo(304))
                    .body("itemsSeen", equalTo(3));
            assertThat(ifNoneMatch).containsExactly("null", "\"v1\"");
            assertThat(recordsContaining(Topics.STORIES_RAW, "Harbour reopens " + tag)).hasSize(1);

            given().get("/api/v1/feeds/" + id).then().statusCode(200).body("url", equalTo(url));
            given().contentType("application/json").body("{\"intervalSeconds\": 120, \"enabled\": false}")
                    .patch("/api/v1/feeds/" + id).then().statusCode(200).body("intervalSeconds", equalTo(120))
                    .body("enabled", equalTo(false));
            given().get("/api/v1/feeds").then().statusCode(200).body("url", org.hamcrest.Matchers.hasItem(url));
            given().delete("/api/v1/feeds/" + id).then().statusCode(204);
            given().get("/api/v1/feeds/" + id).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void feedUrlsToInternalAddressesAreRefused() throws Exception {
        given().contentType("application/json").body(json(Map.of("url", "http://169.254.169.254/latest/meta-data")))
                .post("/api/v1/feeds").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("not a public")).body("detail", not(containsString("169.254")));
        given().contentType("application/json").body(json(Map.of("url", "http://10.0.0.7/rss")))
                .post("/api/v1/feeds").then().statusCode(422).body("detail", containsString("not a public"))
                .body("detail", not(containsString("10.0.0.7")));
        given().contentType("application/json").body(json(Map.of("url", "file:///etc/passwd")))
                .post("/api/v1/feeds").then().statusCode(422);
    }

    @Test
    void fileDropMovesFilesToDoneOrFailedWithReason() throws Exception {
        Path drop = Path.of("target/drop");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path tmp = Files.createTempFile(Path.of("target"), "drop", ".tmp");
        Files.writeString(tmp, json(Map.of("uri", "urn:drop:" + tag, "headline", "Dropped story",
                "body", "A story delivered by file drop " + tag + ", as wire services do over FTP.")));
        Files.move(tmp, drop.resolve("story-" + tag + ".json"));
        Files.writeString(drop.resolve("broken-" + tag + ".xml"), "<newsItem><oops></newsItem>");
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() ->
                Files.exists(drop.resolve("done/story-" + tag + ".json"))
                        && Files.exists(drop.resolve("failed/broken-" + tag + ".xml.reason")));
        assertThat(Files.readString(drop.resolve("failed/broken-" + tag + ".xml.reason"))).contains("malformed XML");
        assertThat(Files.exists(drop.resolve("story-" + tag + ".json"))).isFalse();
        assertThat(recordFor("urn:drop:" + tag, 1)).isNotNull();
    }

    @Test
    void readinessReportsKafkaAndDatabase() {
        given().contentType("application/json").body("{").post("/api/v1/stories").then().statusCode(400);
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(health).contains("ingest-dedupe-index").contains("stories-out").contains("dlq-out")
                .contains("Database connections");
        given().get("/q/metrics").then().statusCode(200).body(containsString("claimwire_ingest_stories_total"));
    }
}
