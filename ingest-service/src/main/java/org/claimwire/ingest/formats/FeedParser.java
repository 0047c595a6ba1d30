package org.claimwire.ingest.formats;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimwire.events.Story;
import org.claimwire.ingest.normalise.text.Furniture;
import org.claimwire.ingest.normalise.text.HtmlText;
import org.claimwire.ingest.normalise.text.TextSanitiser;

/**
 * RSS 0.9x/1.0/2.0 and Atom via ROME, DOCTYPEs refused (no XXE, no entity expansion). Each item is
 * mapped on its own: a bad item becomes an {@link Item#error()} and never stops the others.
 */
public final class FeedParser {

    /** One feed item: a draft, or the reason it could not be read. */
    public record Item(int index, String id, StoryDraft draft, String error) {
        public boolean ok() {
            return draft != null;
        }
    }

    public record Parsed(String title, List<Item> items) {
    }

    private FeedParser() {
    }

    public static Parsed parse(byte[] xml) {
        XmlDepth.check(xml); // before Rome/JDOM build and walk a tree: deep nesting overflows the stack
        SyndFeed feed;
        try {
            SyndFeedInput in = new SyndFeedInput();
            in.setAllowDoctypes(false);
            in.setXmlHealerOn(false);
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
        List<Item> items = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            String id = firstNonBlank(e.getUri(), e.getLink());
            try {
                items.add(new Item(i, id, toDraft(feed, e, id), null));
            } catch (RejectedInput r) {
                items.add(new Item(i, id, null, r.getMessage()));
            } catch (RuntimeException r) {
                items.add(new Item(i, id, null, "unreadable item: " + r));
            }
        }
        return new Parsed(feed.getTitle(), items);
    }

    private static StoryDraft toDraft(SyndFeed feed, SyndEntry e, String id) {
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
            sources.add(new Story.InfoSource(feed.getTitle().trim(), "originfeed", feed.getLink()));
        }
        java.util.Date updated = e.getUpdatedDate() != null ? e.getUpdatedDate() : e.getPublishedDate();
        return new StoryDraft(id,
                updated == null ? null : updated.toInstant(),
                e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant(),
                null,
                feed.getLanguage(),
                headline,
                e.getAuthor() == null || e.getAuthor().isBlank() ? null : e.getAuthor(),
                body,
                null,
                subjects,
                sources,
                e.getLink());
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
