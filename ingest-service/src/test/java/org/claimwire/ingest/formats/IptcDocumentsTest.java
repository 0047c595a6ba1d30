package org.claimwire.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.ingest.normalise.OpenNlpLanguageDetector;
import org.claimwire.ingest.normalise.StoryNormaliser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IPTC's own documents (src/test/resources/iptc-*, MIT-licensed, see the NOTICE files): every text example and
 * text test-suite document becomes a story, every non-text one is refused as not a story (422); plus the
 * Superdesk dialect and the flash cases.
 */
class IptcDocumentsTest {
    private static StoryNormaliser normaliser;

    @BeforeAll
    static void setUp() {
        normaliser = new StoryNormaliser(OpenNlpLanguageDetector.fromClasspath(), Clock.systemUTC());
    }

    static List<Path> documents(String dir) throws Exception {
        Path root = Path.of(IptcDocumentsTest.class.getResource("/iptc-ninjs/" + dir).toURI());
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static Story story(String json) {
        return normaliser.normalise(NinjsParser.parse(json), null).story();
    }

    @Test
    void everyIptcTextDocumentBecomesAStory() throws Exception {
        List<Path> docs = documents("text");
        assertThat(docs).hasSizeGreaterThanOrEqualTo(8);
        for (Path p : docs) {
            Story s = story(Files.readString(p));
            assertThat(s.headline()).as(p.getFileName().toString()).isNotBlank();
            assertThat(s.uri()).as(p.getFileName().toString()).isNotBlank();
            if (p.getFileName().toString().contains("_article")) {
                assertThat(s.headline()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
                assertThat(s.body()).startsWith("GROSSETO, Italy (AP)").contains("Schettino has denied wrongdoing.")
                        .doesNotContain("<p>");
                assertThat(s.flash()).isFalse();
            }
        }
    }

    @Test
    void patternPropertiesOfNinjs1AreRead() throws Exception {
        Story s = story(Files.readString(documents("text").stream()
                .filter(p -> p.getFileName().toString().startsWith("1.7-005")).findFirst().orElseThrow()));
        assertThat(s.headline()).isEqualTo("Captain of wrecked cruise ship on trial in Italy"); // headline_main
        assertThat(s.body()).startsWith("GROSSETO"); // body_main
        assertThat(s.subjects()).extracting(Story.Subject::name).contains("Francesco Schettino", "Tuscany",
                "Costa Crociere SpA");
        Story any = story("{\"uri\": \"u\", \"body_new\": \"Any property starting with body_ carries the text.\"}");
        assertThat(any.body()).isEqualTo("Any property starting with body_ carries the text.");
        Story headlineOnly = story("{\"uri\": \"030_headline\", \"headline\": \"Man bites dog\"}");
        assertThat(headlineOnly.flash()).isTrue();
        assertThat(headlineOnly.body()).isEmpty();
    }

    @Test
    void nonTextItemsAreRefusedAsNotAStory() throws Exception {
        List<Path> docs = documents("not-text");
        assertThat(docs).isNotEmpty();
        for (Path p : docs) {
            String json = Files.readString(p);
            assertThatThrownBy(() -> story(json)).as(p.getFileName().toString()).isInstanceOf(RejectedInput.class)
                    .extracting(e -> ((RejectedInput) e).kind()).isEqualTo(RejectedInput.Kind.NOT_A_STORY);
        }
        for (String type : List.of("video", "audio", "graphic", "event")) {
            assertThatThrownBy(() -> story("{\"uri\": \"u\", \"type\": \"" + type + "\", \"headline\": \"H\"}"))
                    .extracting(e -> ((RejectedInput) e).kind()).isEqualTo(RejectedInput.Kind.NOT_A_STORY);
        }
    }

    /** Nothing gets a 5xx: every field of every IPTC document replaced by each JSON type is a story or a 4xx. */
    @Test
    void anyValueInAnyFieldIsAStoryOrARefusalNeverACrash() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> values = List.of("null", "0", "-1.5e308", "true", "\"\"", "\"  \"", "[]", "[null, 1, {}]", "{}",
                "{\"value\": {}}", "\"2026-11-29T21:00:00+0000\"", "\"<p><b>x</p>\"", "[{\"value\": 3, \"role\": []}]");
        int tried = 0;
        for (String dir : List.of("text", "not-text")) {
            for (Path p : documents(dir)) {
                com.fasterxml.jackson.databind.node.ObjectNode doc =
                        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Files.readString(p));
                List<String> fields = new java.util.ArrayList<>();
                doc.fieldNames().forEachRemaining(fields::add);
                fields.addAll(List.of("guid", "version", "signal", "signals", "pubstatus", "headline_x", "body_x"));
                for (String f : fields) {
                    for (String v : values) {
                        com.fasterxml.jackson.databind.node.ObjectNode copy = doc.deepCopy();
                        copy.set(f, json.readTree(v));
                        tried++;
                        try {
                            story(copy.toString());
                        } catch (RejectedInput expected) {
                            assertThat(expected.kind().status).isBetween(400, 499);
                        }
                    }
                }
            }
        }
        assertThat(tried).isGreaterThan(500);
    }

    @Test
    void superdeskDialect() {
        String v2 = """
                {"guid": "urn:newsml:localhost:2026-11-29:abc", "version": "2", "type": "text",
                 "versioncreated": "2026-11-29T21:00:00+0000", "firstcreated": "2026-11-29T20:00:00+0100",
                 "pubstatus": "usable", "headline": "Council approves budget",
                 "body_html": "<p>The city council approved the budget.</p>",
                 "signal": [{"name": "Correction", "code": "sig:correction"}]}""";
        StoryDraft d = NinjsParser.parse(v2);
        assertThat(d.uri()).isEqualTo("urn:newsml:localhost:2026-11-29:abc");
        assertThat(d.versionCreated()).isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        assertThat(d.firstCreated()).isEqualTo(Instant.parse("2026-11-29T19:00:00Z"));
        assertThat(d.pubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(NinjsParser.parse(v2.replace("\"2\"", "2")).uri()).isEqualTo(d.uri()); // version as a number
        assertThat(NinjsParser.parse(v2.replace("sig:correction", "sig:kill")).pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(NinjsParser.parse("{\"uri\": \"u\", \"headline\": \"H\", \"signals\": [\"withdrawn\"]}").pubStatus())
                .isEqualTo(PubStatus.CANCELED);
        assertThatThrownBy(() -> NinjsParser.parse("{\"uri\": \"u\", \"headline\": \"H\", \"version\": {\"n\": 2}}"))
                .extracting(e -> ((RejectedInput) e).kind()).isEqualTo(RejectedInput.Kind.MALFORMED);
    }

    @Test
    void datesInTheFormsWireSystemsWrite() {
        assertThat(Dates.parse("2026-11-29T21:00:00+0000", "f")).isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        assertThat(Dates.parse("2026-11-29T21:00:00.123+0530", "f")).isEqualTo(Instant.parse("2026-11-29T15:30:00.123Z"));
        assertThat(Dates.parse("2026-11-29T21:00:00+01:00", "f")).isEqualTo(Instant.parse("2026-11-29T20:00:00Z"));
        assertThat(Dates.parse("2026-11-29T21:00:00Z", "f")).isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        assertThat(Dates.parse("2026-11-29T21:00:00+01", "f")).isEqualTo(Instant.parse("2026-11-29T20:00:00Z"));
        assertThat(Dates.parse("2026-11-29T21:00:00", "f")).isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        assertThat(Dates.parse("2026-11-29T21:00", "f")).isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        assertThat(Dates.parse("2026-11-29", "f")).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(Dates.parse(" ", "f")).isNull();
        assertThatThrownBy(() -> Dates.parse("Last Tuesday", "versioncreated")).hasMessageContaining("versioncreated")
                .extracting(e -> ((RejectedInput) e).kind()).isEqualTo(RejectedInput.Kind.MALFORMED);
    }

    @Test
    void newsMlListingOneIsAFlash() throws Exception {
        byte[] xml = Files.readAllBytes(Path.of(getClass().getResource(
                "/iptc-newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml").toURI()));
        StoryDraft d = NewsMlParser.parse(xml);
        Story s = normaliser.normalise(d, null).story();
        assertThat(s.uri()).isEqualTo("urn:newsml:acmenews.com:20161018:US-FINANCE-FED");
        assertThat(s.headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(s.flash()).isTrue();
        assertThat(s.body()).isEmpty();
        assertThat(s.versionCreated()).isEqualTo(Instant.parse("2018-10-21T21:25:32Z"));
        assertThat(s.pubStatus()).isEqualTo(PubStatus.USABLE); // sig:update is a new version, not a kill
    }

    @Test
    void newsMlKillsBySignalAndXhtmlBodies() {
        String ns = "http://iptc.org/std/nar/2006-10-01/";
        String kill = "<newsItem xmlns='" + ns + "' guid='urn:k'><itemMeta><itemClass qcode='ninat:text'/>"
                + "<signal qcode='sig:kill'/></itemMeta><contentMeta><headline>Withdrawn</headline></contentMeta></newsItem>";
        assertThat(NewsMlParser.parse(kill.getBytes(StandardCharsets.UTF_8)).pubStatus()).isEqualTo(PubStatus.CANCELED);
        String xhtml = "<newsItem xmlns='" + ns + "' guid='urn:x'><contentMeta><headline>H</headline></contentMeta>"
                + "<contentSet><inlineXML contenttype='application/xhtml+xml'><html xmlns='http://www.w3.org/1999/xhtml'>"
                + "<head><title>T</title></head><body><p>First paragraph of the story.</p><p>Second one.</p></body></html>"
                + "</inlineXML></contentSet></newsItem>";
        assertThat(NewsMlParser.parse(xhtml.getBytes(StandardCharsets.UTF_8)).body())
                .isEqualTo("First paragraph of the story.\nSecond one.");
    }

    @Test
    void deeplyNestedXmlIsRefusedByEveryXmlParser() {
        String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
        String newsMl = "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/' guid='g'><contentSet>"
                + "<inlineXML contenttype='application/xhtml+xml'>" + deep + "</inlineXML></contentSet></newsItem>";
        String rss = "<rss version='2.0'><channel><title>t</title><item><title>x</title><description>d</description>"
                + deep + "</item></channel></rss>";
        for (Runnable parse : List.<Runnable>of(
                () -> NewsMlParser.parse(newsMl.getBytes(StandardCharsets.UTF_8)),
                () -> FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8)),
                () -> StoryFormats.parseFile("deep.xml", newsMl.getBytes(StandardCharsets.UTF_8)))) {
            assertThatThrownBy(parse::run).isInstanceOf(RejectedInput.class).hasMessageContaining("nested")
                    .extracting(e -> ((RejectedInput) e).kind()).isEqualTo(RejectedInput.Kind.MALFORMED);
        }
        // 256 levels are fine
        String ok = "<a>".repeat(200) + "</a>".repeat(200);
        XmlDepth.check(ok.getBytes(StandardCharsets.UTF_8));
    }
}
