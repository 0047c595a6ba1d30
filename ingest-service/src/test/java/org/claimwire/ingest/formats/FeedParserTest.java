package org.claimwire.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Feed identity, xml:base, language tags and ttl. */
class FeedParserTest {
    static final String BODY = "<description>The council met on Tuesday and approved the budget.</description>";
    static final URI FEED = URI.create("https://wire.example.com/news/rss.xml");

    static FeedParser.Parsed parse(String xml) {
        return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), "urn:claimwire:feed:7:", FEED);
    }

    @Test
    void aGuidNamesTheItemOnlyWithinItsFeedUnlessItIsAPermalink() {
        FeedParser.Parsed p = parse("""
                <rss version="2.0"><channel><title>W</title><ttl>45</ttl><language>en-us</language>
                <item><guid>1</guid><title>A</title>%1$s</item>
                <item><guid isPermaLink="true">https://wire.example.com/a/2</guid><title>B</title>%1$s</item>
                <item><guid isPermaLink="false">https://wire.example.com/a/3</guid><title>C</title>%1$s</item>
                <item><guid>https://wire.example.com/a/4</guid><title>D</title>%1$s</item>
                <item><title>E</title><link>/a/5</link>%1$s</item>
                <item><guid>6</guid><title>F</title><link>javascript:alert(1)</link>%1$s</item>
                </channel></rss>""".formatted(BODY));
        assertThat(p.items()).extracting(FeedParser.FeedItem::id).containsExactly("urn:claimwire:feed:7:1",
                "https://wire.example.com/a/2", "urn:claimwire:feed:7:https://wire.example.com/a/3",
                "https://wire.example.com/a/4", "https://wire.example.com/a/5", "urn:claimwire:feed:7:6");
        assertThat(p.items().get(4).draft().url()).isEqualTo("https://wire.example.com/a/5");
        assertThat(p.items().get(5).draft().url()).as("only http(s) links are kept").isNull();
        assertThat(p.items().get(0).draft().language()).isEqualTo("en-US");
        assertThat(p.ttl()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void atomXmlBaseIsResolved() {
        FeedParser.Parsed p = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://other.example.org/base/">
                <title>A</title><id>urn:x</id><updated>2026-11-29T10:00:00Z</updated>
                <entry xml:base="stories/"><id>tag:example.org,2026:1</id><title>T</title>
                  <updated>2026-11-29T10:00:00Z</updated><link href="one.html"/>
                  <content type="text">The mayor said on Monday that the bridge would reopen.</content></entry>
                </feed>""");
        assertThat(p.items().get(0).draft().url()).isEqualTo("https://other.example.org/base/stories/one.html");
        assertThat(p.items().get(0).id()).isEqualTo("urn:claimwire:feed:7:tag:example.org,2026:1");
        assertThat(p.ttl()).isNull();
    }

    @Test
    void aMalformedLanguageTagIsDropped() {
        assertThat(FeedParser.bcp47("en_GB")).isEqualTo("en-GB");
        assertThat(FeedParser.bcp47("de")).isEqualTo("de");
        assertThat(FeedParser.bcp47("english!!")).isNull();
        assertThat(FeedParser.bcp47("x")).isNull();
        assertThat(FeedParser.bcp47("<script>")).isNull();
        FeedParser.Parsed p = parse("<rss version='2.0'><channel><title>W</title><language>not a language</language>"
                + "<item><guid>1</guid><title>A</title>" + BODY + "</item></channel></rss>");
        assertThat(p.items().get(0).draft().language()).isNull();
    }
}
