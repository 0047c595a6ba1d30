package org.claimwire.query.persistence;

import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.Story;

/**
 * What an {@link EnrichedStory} must hold before {@link StoryStore} takes it: a story with a uri and a version, and
 * enrichment offsets that fit the text they index into. The consumer checks on parsing, the store again on storing.
 */
public final class StorableEvent {
    private StorableEvent() {
    }

    /**
     * Throws {@link InvalidEventException} saying what is wrong (it becomes the DLQ reason) unless the store can
     * take the event.
     */
    public static void check(EnrichedStory es) {
        if (es == null || es.story() == null) {
            throw new InvalidEventException("no story in the event");
        }
        Story s = es.story();
        if (s.uri() == null || s.uri().isBlank()) {
            throw new InvalidEventException("story has no uri");
        }
        if (s.version() < 1) {
            throw new InvalidEventException("story " + s.uri() + " has version " + s.version() + " (must be >= 1)");
        }
        if (s.uri().length() > 2000) {
            throw new InvalidEventException("story uri longer than 2000 characters");
        }
        Enrichment en = es.enrichment();
        if (en == null) {
            return;
        }
        // Offsets index into the body (the headline of a flash); spans that do not fit it mean the enrichment
        // is not of this text.
        int length = s.analysedText() == null ? 0 : s.analysedText().length();
        for (Enrichment.Entity e : en.entities()) {
            for (Enrichment.Span m : e.mentions()) {
                checkSpan(s, "mention of entity " + e.id(), m.start(), m.end(), length);
            }
        }
        for (Enrichment.Claim cl : en.claims()) {
            if (cl.content() != null) {
                checkSpan(s, "content of claim " + cl.id(), cl.content().start(), cl.content().end(), length);
            }
        }
    }

    private static void checkSpan(Story s, String what, int start, int end, int bodyLength) {
        if (start < 0 || end < start || end > bodyLength) {
            throw new InvalidEventException("story " + s.uri() + " v" + s.version() + ": " + what + " spans [" + start
                    + ", " + end + ") outside its body of " + bodyLength + " characters");
        }
    }
}
