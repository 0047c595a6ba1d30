package org.claimwire.ingest.formats;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.impl.Atom10Parser;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import org.claimwire.events.Story;
import org.claimwire.ingest.normalise.text.Furniture;
import org.claimwire.ingest.normalise.text.HtmlText;
import org.claimwire.ingest.normalise.text.TextSanitiser;

/**
 * RSS 0.9x/1.0/2.0 and Atom via ROME, DOCTYPEs refused (no XXE, no entity expansion). Each item is
 * mapped on its own: a bad item becomes an {@link FeedItem#error()} and never stops the others.
 *
 * <p>Feed identity: an item's guid (RSS) or id (Atom) names it only within its feed ("1" in two feeds is two
 * stories), so the story uri is {@code <scope><guid>} for a scope the caller gives per feed, unless the guid
 * is a permalink (an absolute http(s) URL, and for RSS not marked {@code isPermaLink="false"}), which is
 * globally unique by itself. Relative links are resolved against Atom's {@code xml:base} and then against
 * the feed's own URL; a link that still is not http(s) is dropped. The channel language is kept only when it
 * is a well-formed BCP 47 tag (otherwise the normaliser detects the language). The RSS {@code ttl} is
 * reported so the poller can honour it.
 */
public final class FeedParser {
    static {
        Atom10Parser.setResolveURIs(true); // xml:base on the feed, entries and links
    }

    /** One feed item: a draft, or the reason it could not be read. */
    public record FeedItem(int index, String id, StoryDraft draft, String error) {
        public boolean ok() {
            return draft != null;
        }
    }

    /** {@code ttl}: how long the feed says it may be cached (RSS {@code <ttl>}), null when it does not say. */
    public record Parsed(String title, List<FeedItem> items, Duration ttl) {
    }

    private FeedParser() {
    }

    /** Items keep their guid as uri as-is (no feed scope), links are resolved only against xml:base. */
    public static Parsed parse(byte[] xml) {
        return parse(xml, null, null);
    }

    /**
     * @param uriScope prefix of the uri of items whose guid is not a permalink (e.g. {@code urn:claimwire:feed:7:});
     *                 null keeps guids as they are
     * @param feedUrl  where the feed was fetched from, for relative links; may be null
     */
    public static Parsed parse(byte[] xml, String uriScope, URI feedUrl) {
        XmlDepth.check(xml); // before Rome/JDOM build and walk a tree: deep nesting overflows the stack
        SyndFeed feed;
        try {
            SyndFeedInput in = new SyndFeedInput();
            in.setAllowDoctypes(false);
            in.setXmlHealerOn(false);
            in.setPreserveWireFeed(true);
            feed = in.build(new XmlReader(new ByteArrayInputStream(xml)));
        } catch (FeedException | IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE") || (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("DOCTYPE"))) {
                throw RejectedInput.malformed("feed refused: DOCTYPE declarations are not accepted (they enable "
                        + "external entities (XXE) and entity expansion ('billion laughs'))");
            }
            throw RejectedInput.malformed("not a readable RSS/Atom feed: " + m);
        } catch (IOException e) {
            throw RejectedInput.malformed("not a readable RSS/Atom feed: " + e.getMessage());
        }
        List<FeedItem> items = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        String language = bcp47(feed.getLanguage());
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            String id = null;
            try {
                id = storyUri(e, uriScope, feedUrl);
                items.add(new FeedItem(i, id, toDraft(feed, e, id, language, feedUrl), null));
            } catch (RejectedInput r) {
                items.add(new FeedItem(i, id, null, r.getMessage()));
            } catch (RuntimeException | StackOverflowError r) {
                items.add(new FeedItem(i, id, null, "unreadable item: " + r));
            }
        }
        return new Parsed(feed.getTitle(), items, ttl(feed));
    }

    /** The item's uri: its permalink guid, or the guid within the feed's scope, or its link. */
    static String storyUri(SyndEntry e, String scope, URI feedUrl) {
        String guid = e.getUri() == null || e.getUri().isBlank() ? null : e.getUri().trim();
        if (e.getWireEntry() instanceof Item item && (item.getGuid() == null || item.getGuid().getValue() == null)) {
            guid = null; // ROME puts the link in the uri of an RSS item without a guid
        }
        if (guid == null) {
            return resolveLink(e.getLink(), feedUrl); // null: the normaliser derives one from the content
        }
        boolean markedNotPermalink = e.getWireEntry() instanceof Item item && item.getGuid() != null
                && !item.getGuid().isPermaLink();
        if (!markedNotPermalink && HttpUrl.isHttpUrl(guid)) {
            return guid;
        }
        return scope == null ? guid : scope + guid;
    }

    /** The channel language as a BCP 47 tag, or null when absent or not well-formed. */
    static String bcp47(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        try {
            Locale l = new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build();
            String t = l.toLanguageTag();
            return t.equals("und") ? null : t;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static Duration ttl(SyndFeed feed) {
        if (feed.originalWireFeed() instanceof Channel ch && ch.getTtl() > 0) {
            return Duration.ofMinutes(ch.getTtl());
        }
        return null;
    }

    /** The link resolved against the feed's URL when relative; null when it is not an http(s) URL then. */
    static String resolveLink(String link, URI feedUrl) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String l = link.trim();
        if (HttpUrl.isHttpUrl(l)) {
            return l;
        }
        if (feedUrl == null) {
            return null;
        }
        try {
            URI u = new URI(l);
            if (u.getScheme() != null) {
                return null; // javascript:, data:, mailto: ...
            }
            String r = feedUrl.resolve(u).toString();
            return HttpUrl.isHttpUrl(r) ? r : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static StoryDraft toDraft(SyndFeed feed, SyndEntry e, String id, String language, URI feedUrl) {
        String headline = e.getTitle() == null ? null : HtmlText.toText(e.getTitle());
        String body = null;
        StringBuilder contents = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            String text = contentText(c);
            if (!text.isBlank()) {
                contents.append(text).append('\n');
            }
        }
        if (contents.length() > 0) {
            body = contents.toString().trim();
        } else if (e.getDescription() != null) {
            body = contentText(e.getDescription());
        }
        if ((headline == null || headline.isBlank()) && (body == null || body.isBlank())) {
            throw RejectedInput.malformed("feed item " + (id == null ? "" : "'" + id + "' ")
                    + "has neither a title nor any text");
        }
        if (body == null || body.isBlank()) {
            throw RejectedInput.malformed("no body: feed item " + (id == null ? "" : "'" + id + "' ") + "has no text");
        }
        List<Story.Subject> subjects = new ArrayList<>();
        for (SyndCategory c : e.getCategories()) {
            if (c.getName() != null && !c.getName().isBlank()) {
                subjects.add(new Story.Subject(c.getName().trim(), c.getTaxonomyUri(), null));
            }
        }
        List<Story.InfoSource> sources = new ArrayList<>();
        if (feed.getTitle() != null && !feed.getTitle().isBlank()) {
            sources.add(new Story.InfoSource(feed.getTitle().trim(), "originfeed", resolveLink(feed.getLink(), feedUrl)));
        }
        java.util.Date updated = e.getUpdatedDate() != null ? e.getUpdatedDate() : e.getPublishedDate();
        return new StoryDraft(id,
                updated == null ? null : updated.toInstant(),
                e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant(),
                null,
                language,
                headline,
                e.getAuthor() == null || e.getAuthor().isBlank() ? null : e.getAuthor(),
                body,
                null,
                subjects,
                sources,
                resolveLink(e.getLink(), feedUrl));
    }

    private static String contentText(SyndContent c) {
        String v = c.getValue();
        if (v == null) {
            return "";
        }
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return Furniture.strip(TextSanitiser.cleanBlock(v));
        }
        return HtmlText.toText(v);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : (b != null && !b.isBlank() ? b.trim() : null);
    }
}
