package org.claimwire.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.claimwire.events.PubStatus;
import org.claimwire.ingest.normalise.text.Furniture;
import org.claimwire.ingest.normalise.text.HtmlText;
import org.claimwire.ingest.normalise.text.TextSanitiser;
import org.junit.jupiter.api.Test;

class FormatsTest {

    static final String NS = "http://iptc.org/std/nar/2006-10-01/";

    @Test
    void ninjs3HeadlinesAndXhtmlBodies() {
        String json = """
                {"uri":"urn:x:1","version":"2","versionCreated":"2025-02-10T10:00:00Z","pubStatus":"usable",
                 "language":"en","by":"Jane Doe",
                 "headlines":[{"role":"sub","value":"Sub"},{"role":"main","value":"Main headline"}],
                 "bodies":[{"role":"main","contentType":"application/xhtml+xml",
                   "value":"<div><nav><a href='/'>Home</a></nav><p>First para.</p><div class='share-bar'>Share</div><p>Second para.</p></div>"}],
                 "subjects":[{"name":"Politics","uri":"http://cv.iptc.org/newscodes/mediatopic/11000000"}],
                 "infoSources":[{"name":"Reuters","role":"source"}]}""";
        StoryDraft d = NinjsParser.parse(json);
        assertThat(d.uri()).isEqualTo("urn:x:1");
        assertThat(d.headline()).isEqualTo("Main headline");
        assertThat(d.body()).isEqualTo("First para.\nSecond para.");
        assertThat(d.byline()).isEqualTo("Jane Doe");
        assertThat(d.versionCreated()).isEqualTo(Instant.parse("2025-02-10T10:00:00Z"));
        assertThat(d.subjects()).hasSize(1);
        assertThat(d.infoSources()).extracting("name").containsExactly("Reuters");
    }

    @Test
    void ninjs1SnakeCaseAndHtmlBody() {
        StoryDraft d = NinjsParser.parse("""
                {"uri":"u2","versioncreated":"2014-01-01T00:00:00+01:00","pubstatus":"canceled","headline":"H",
                 "byline":"B","body_html":"<p>Hello <b>world</b>.</p><ul class='related-links'><li>Other</li></ul>"}""");
        assertThat(d.body()).isEqualTo("Hello world.");
        assertThat(d.pubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(d.versionCreated()).isEqualTo(Instant.parse("2013-12-31T23:00:00Z"));
        assertThat(NinjsParser.parse("{\"headline\":\"H\",\"body_text\":\"plain\"}").body()).isEqualTo("plain");
        assertThat(NinjsParser.parse("{\"headline\":\"H\",\"body\":\"short\"}").body()).isEqualTo("short");
    }

    @Test
    void ninjsRefusals() {
        assertThatThrownBy(() -> NinjsParser.parse("{\"headline\": \"x\", "))
                .isInstanceOf(RejectedInput.class).hasMessageContaining("malformed JSON")
                .extracting(e -> ((RejectedInput) e).kind()).isEqualTo(RejectedInput.Kind.MALFORMED);
        assertThatThrownBy(() -> NinjsParser.parse("[1,2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> NinjsParser.parse("{\"type\":\"picture\",\"headline\":\"x\"}"))
                .extracting(e -> ((RejectedInput) e).kind()).isEqualTo(RejectedInput.Kind.NOT_A_STORY);
        assertThatThrownBy(() -> NinjsParser.parse("[".repeat(5000))).isInstanceOf(RejectedInput.class);
    }

    @Test
    void newsMlNitfBodyAndLatin1Encoding() {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <newsItem xmlns="%s" guid="urn:newsml:example.com:1" version="3" standard="NewsML-G2">
                 <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:EX"/>
                   <versionCreated>2025-02-10T12:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
                 <contentMeta><headline>Caf\u00e9 talks resume</headline><by>Ren\u00e9</by>
                   <language tag="fr"/><located><name>Paris</name></located></contentMeta>
                 <contentSet><inlineXML contenttype="application/nitf+xml">
                   <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>Ignored</hl1></hedline></body.head>
                   <body.content><p>Les n\u00e9gociations reprennent.</p><p>Deuxi\u00e8me paragraphe.</p></body.content></body></nitf>
                 </inlineXML></contentSet></newsItem>""".formatted(NS);
        StoryDraft d = NewsMlParser.parse(xml.getBytes(Charset.forName("ISO-8859-1")));
        assertThat(d.uri()).isEqualTo("urn:newsml:example.com:1");
        assertThat(d.headline()).isEqualTo("Café talks resume");
        assertThat(d.byline()).isEqualTo("René");
        assertThat(d.body()).isEqualTo("Les négociations reprennent.\nDeuxième paragraphe.");
        assertThat(d.language()).isEqualTo("fr");
        assertThat(d.located()).isEqualTo("Paris");
        assertThat(d.versionCreated()).isEqualTo(Instant.parse("2025-02-10T12:00:00Z"));
    }

    @Test
    void newsMlInlineDataAndXhtml() {
        String data = "<newsItem xmlns='" + NS + "' guid='g2'><contentMeta><headline>H</headline></contentMeta>"
                + "<contentSet><inlineData contenttype='text/plain'>Line one.\nLine two.</inlineData></contentSet></newsItem>";
        assertThat(NewsMlParser.parse(data.getBytes(StandardCharsets.UTF_8)).body()).isEqualTo("Line one.\nLine two.");
        String xhtml = "<newsItem xmlns='" + NS + "' guid='g3'><contentMeta><headline>H</headline></contentMeta>"
                + "<contentSet><inlineXML contenttype='application/xhtml+xml'><html xmlns='http://www.w3.org/1999/xhtml'>"
                + "<body><p>Para one.</p><footer>Copyright</footer><p>Para two.</p></body></html></inlineXML></contentSet></newsItem>";
        assertThat(NewsMlParser.parse(xhtml.getBytes(StandardCharsets.UTF_8)).body()).isEqualTo("Para one.\nPara two.");
    }

    @Test
    void newsMlNonStoriesAre422WithReason() {
        String pic = "<newsItem xmlns='" + NS + "' guid='p'><itemMeta><itemClass qcode='ninat:picture'/></itemMeta></newsItem>";
        assertThatThrownBy(() -> NewsMlParser.parse(pic.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("picture").extracting(e -> ((RejectedInput) e).kind())
                .isEqualTo(RejectedInput.Kind.NOT_A_STORY);
        for (String root : new String[] {"conceptItem", "planningItem", "packageItem"}) {
            String x = "<" + root + " xmlns='" + NS + "' guid='c'/>";
            assertThatThrownBy(() -> NewsMlParser.parse(x.getBytes(StandardCharsets.UTF_8)))
                    .hasMessageContaining(root).extracting(e -> ((RejectedInput) e).kind())
                    .isEqualTo(RejectedInput.Kind.NOT_A_STORY);
        }
    }

    @Test
    void xxeAndBillionLaughsAreRefused() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<newsItem xmlns='" + NS + "'><contentMeta><headline>&x;</headline></contentMeta></newsItem>";
        assertThatThrownBy(() -> NewsMlParser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("DOCTYPE").extracting(e -> ((RejectedInput) e).kind())
                .isEqualTo(RejectedInput.Kind.MALFORMED);
        StringBuilder lol = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" '").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("'>");
        }
        lol.append("]><newsItem xmlns='").append(NS).append("'><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>");
        assertThatThrownBy(() -> NewsMlParser.parse(lol.toString().getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("DOCTYPE");
        String rss = "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<rss version='2.0'><channel><title>t</title><item><title>&x;</title><description>d</description></item></channel></rss>";
        assertThatThrownBy(() -> FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("DOCTYPE");
    }

    @Test
    void malformedXmlNamesTheFault() {
        assertThatThrownBy(() -> NewsMlParser.parse("<newsItem><oops></newsItem>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("malformed XML").hasMessageContaining("line 1");
    }

    @Test
    void plainTextFirstLineIsHeadline() {
        StoryDraft d = PlainTextParser.parse("Headline here\r\nBody one.\r\nBody two.\n");
        assertThat(d.headline()).isEqualTo("Headline here");
        assertThat(d.body()).isEqualTo("Body one.\nBody two.");
        assertThatThrownBy(() -> PlainTextParser.parse("  ")).hasMessageContaining("no body");
    }

    @Test
    void invalidUtf8IsRepairedOrRefused() {
        byte[] latin1 = "Caf\u00e9 society".getBytes(Charset.forName("ISO-8859-1"));
        assertThat(Utf8Text.decodeUtf8(latin1)).isEqualTo("Café society");
        byte[] mixed = ("Na\u00efve text with one bad byte here: \u00fc and a long enough tail to make it a small fraction "
                + "of the whole text.").getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(mixed, mixed.length + 1);
        broken[broken.length - 1] = (byte) 0xC3; // truncated sequence
        assertThat(Utf8Text.decodeUtf8(broken)).startsWith("Naïve").endsWith("\uFFFD");
        byte[] binary = new byte[200];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 2 == 0 ? 0xC3 : 0xFF);
        }
        binary[0] = (byte) 0xC3;
        binary[1] = (byte) 0xA9; // one valid sequence so it is not read as windows-1252
        assertThatThrownBy(() -> Utf8Text.decodeUtf8(binary)).isInstanceOf(RejectedInput.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void controlCharactersAndSurrogatesAreRemoved() {
        String dirty = "a\u0000b\u0007c\u001B[31m\u0085d\uD800e\u200Bf\u00A0g\r\nh";
        assertThat(TextSanitiser.clean(dirty)).isEqualTo("abc[31m\ndef g\nh");
    }

    @Test
    void furnitureLinesAreDroppedByRule() {
        String text = String.join("\n",
                "Kremlin spokesman said today that he can neither confirm nor deny the report.",
                "Talks", // a sub-heading inside the story stays
                "He added more detail later in the day.",
                "Share on WhatsApp",
                "The war turns three years old on February 24.",
                "Ask me anything",
                "Explore related questions",
                "Tell us what you think");
        assertThat(Furniture.strip(text)).isEqualTo(String.join("\n",
                "Kremlin spokesman said today that he can neither confirm nor deny the report.",
                "Talks",
                "He added more detail later in the day.",
                "The war turns three years old on February 24."));
    }

    @Test
    void htmlFurnitureIsDropped() {
        String html = """
                <html><body><header><a>Logo</a></header><nav><ul><li>World</li><li>Business</li></ul></nav>
                <article><h1>Title</h1><p>Paragraph one with
                  several   lines.</p><div class="social-share"><button>Tweet</button></div>
                <p>Paragraph two.</p><aside>Most read</aside><p>Sign up for our newsletter</p></article>
                <footer>All rights reserved</footer><script>alert(1)</script></body></html>""";
        assertThat(HtmlText.toText(html)).isEqualTo("Title\nParagraph one with several lines.\nParagraph two.");
    }
}
